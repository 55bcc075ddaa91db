import { ProblemException } from './problem';

/** Reads `If-Match: "<revision>"` (quotes and a weak prefix tolerated); undefined when absent. */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^\s*(?:W\/)?"?(-?\d{1,15})"?\s*$/.exec(value);
  if (!match) {
    throw ProblemException.badRequest('If-Match must name a revision, e.g. "3"', [
      { field: 'If-Match', message: 'must be a quoted revision number' },
    ]);
  }
  return Number(match[1]);
}
