/**
 * What services throw when a request cannot be carried out. They name the reason, not an HTTP status:
 * the HTTP edge maps each one to problem+json in one place (libs/http ProblemFilter), and callers such
 * as the partner bridge test for the reason with `instanceof` instead of reading status codes.
 */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The thing exists but its state does not allow the request (a duplicate, a held partner...). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The request names something impossible (an invalid key, a field out of range) that validation could not see. */
export class InvalidRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRequestError';
  }
}

/** Not now: the caller should retry after a short wait (e.g. read models still catching up). */
export class TemporarilyUnavailableError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds = 1,
  ) {
    super(message);
    this.name = 'TemporarilyUnavailableError';
  }
}
