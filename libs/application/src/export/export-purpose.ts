/**
 * The purpose an exporter states (the same rule for the HTTP route and the CLI): a short snake_case
 * code, like the purpose of every other read of personal data. Not free text: the access log and its
 * read model keep the purpose in clear for as long as the log lives, where erasure cannot reach, so it
 * must never be able to carry a name ("court bundle for <person>").
 */
export const EXPORT_PURPOSE_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;

/** Why a stated export purpose is refused, or undefined when it is acceptable. */
export function exportPurposeError(value: unknown): string | undefined {
  if (Array.isArray(value)) return 'purpose must be given once';
  if (typeof value !== 'string' || value.trim() === '') {
    return 'purpose is required: state why this case is exported (it is recorded in the access log)';
  }
  if (!EXPORT_PURPOSE_PATTERN.test(value)) {
    return 'purpose must be a short snake_case code such as subject_access_request or court_order (never a name)';
  }
  return undefined;
}
