/** What nrm-verify found in one file. `valid` only when there is no problem at all. */
export interface VerificationReport {
  file: string;
  /** 'case export', 'event proof' or 'consistency proof'. */
  kind: string;
  valid: boolean;
  /** What was checked and held, one line each. */
  checked: string[];
  /** What is wrong, one line each, naming the place (revision, position, leaf). */
  problems: string[];
  /** What could not be checked and why (not a failure). */
  notes: string[];
}

/** A report in words, for a person at a terminal; the last line says VALID or INVALID. */
export function renderReport(report: VerificationReport): string {
  const lines = [`${report.file}: ${report.kind}`];
  for (const line of report.checked) lines.push(`  ok    ${line}`);
  for (const line of report.problems) lines.push(`  FAIL  ${line}`);
  for (const line of report.notes) lines.push(`  note  ${line}`);
  const count = report.problems.length;
  lines.push(report.valid ? 'VALID' : `INVALID: ${count} problem${count === 1 ? '' : 's'}`);
  return lines.join('\n') + '\n';
}

/** Collects findings while a verifier walks a document. */
export class Findings {
  readonly checked: string[] = [];
  readonly problems: string[] = [];
  readonly notes: string[] = [];

  check(ok: boolean, passed: string, failed: string): boolean {
    (ok ? this.checked : this.problems).push(ok ? passed : failed);
    return ok;
  }

  report(file: string, kind: string): VerificationReport {
    return {
      file,
      kind,
      valid: this.problems.length === 0,
      checked: this.checked,
      problems: this.problems,
      notes: this.notes,
    };
  }
}
