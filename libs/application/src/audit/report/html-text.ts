/** Text for HTML element content and attribute values: the five characters that could end either. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * JSON that can sit inside `<script type="application/json">` whatever its strings hold: `<`, `>` and
 * `&` as JSON escapes, so no `</script>` or `<!--` can end or change the block; JSON.parse reads back
 * the very same value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The id of the embedded block: what nrm-verify looks for in an HTML report. */
export const REPORT_DATA_ELEMENT_ID = 'nrm-integrity-report';
