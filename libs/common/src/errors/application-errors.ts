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

/** The rule an `InvalidRequestError` names in its 422 answer. */
export const INVALID_REQUEST_RULE = 'invalid-request';

/**
 * The request is well formed (validation passed: it matches the API's document) but names something
 * impossible that no schema can see (bytes that are no key, a node's own id as its partner): answered
 * 422 with rule `invalid-request`, like every refusal of a well-formed request.
 */
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
