/** Bounds of the purpose an exporter states (the same for the HTTP route and the CLI). */
export const EXPORT_PURPOSE_MIN_LENGTH = 3;
export const EXPORT_PURPOSE_MAX_LENGTH = 200;

/** Control, format (bidi overrides) and line/paragraph separators: a purpose is one plain line. */
const NOT_PLAIN_TEXT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/**
 * Why a stated export purpose is refused, or undefined when it is acceptable. The purpose is free
 * text (a request reference, "court bundle for ...") because it goes into the access log and into
 * the exported document, where a person reads it; it is checked after trimming.
 */
export function exportPurposeError(value: unknown): string | undefined {
  if (Array.isArray(value)) return 'purpose must be given once';
  if (typeof value !== 'string' || value.trim() === '') {
    return 'purpose is required: state why this case is exported (it is recorded in the access log)';
  }
  const purpose = value.trim();
  if (purpose.length < EXPORT_PURPOSE_MIN_LENGTH || purpose.length > EXPORT_PURPOSE_MAX_LENGTH) {
    return `purpose must be ${EXPORT_PURPOSE_MIN_LENGTH} to ${EXPORT_PURPOSE_MAX_LENGTH} characters long`;
  }
  if (NOT_PLAIN_TEXT.test(purpose)) return 'purpose must be one line of text without control characters';
  return undefined;
}
