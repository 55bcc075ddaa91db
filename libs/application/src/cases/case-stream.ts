/** One stream per case: every context appends to it, so one revision orders the whole case. */
export const CASE_STREAM_PREFIX = 'case-';

export function caseStreamId(caseId: string): string {
  return `${CASE_STREAM_PREFIX}${caseId}`;
}

export function caseIdOfStream(streamId: string): string | undefined {
  return streamId.startsWith(CASE_STREAM_PREFIX) ? streamId.slice(CASE_STREAM_PREFIX.length) : undefined;
}

/** The data subject whose key encrypts a case's personal data: the presumed victim of that case. */
export function subjectIdOfCase(caseId: string): string {
  return `victim:${caseId}`;
}
