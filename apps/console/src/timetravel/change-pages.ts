/** The most events one answer of GET /api/cases/{id}/changes lists (docs/api.md, "A case as it was"). */
export const CHANGES_PAGE = 500;

/**
 * The `to` to ask for the page that starts after `from`: the range's end, or as far as one answer may
 * go (the API refuses a longer range). Without an end the API stops at its limit by itself.
 */
export function pageEnd(from: number | undefined, to: number | undefined): number | undefined {
  if (to === undefined) return undefined;
  return Math.min(to, (from ?? -1) + CHANGES_PAGE);
}

/** Where the next page starts, or undefined once the range asked for is listed. */
export function nextPageFrom(
  page: { to: number; next?: number },
  to: number | undefined,
): number | undefined {
  if (page.next === undefined) return undefined;
  return to === undefined || page.to < to ? page.next : undefined;
}
