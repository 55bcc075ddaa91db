/** The data subject whose key encrypts a case's personal data: the presumed victim of that case. */
export function subjectIdOfCase(caseId: string): string {
  return `victim:${caseId}`;
}
