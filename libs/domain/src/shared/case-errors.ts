import { ConflictError, NotFoundError } from '@nrm/common';

/** No case with this id, or none the caller may see: both answer alike, so scope leaks nothing. */
export class CaseNotFoundError extends NotFoundError {
  constructor(readonly caseId: string) {
    super('No such case');
    this.name = 'CaseNotFoundError';
  }
}

/** The stream is at another revision than the one the command was decided on (or the client named). */
export class RevisionConflictError extends ConflictError {
  constructor(
    message: string,
    readonly currentRevision: number,
  ) {
    super(message);
    this.name = 'RevisionConflictError';
  }
}
