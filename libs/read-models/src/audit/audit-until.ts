/** Where an audit stops replaying: a log position, or an instant (events recorded at or before it). */
export type AuditUntil = { position: number } | { time: string };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export const UNTIL_HELP =
  '--until takes a log position (a whole number, e.g. 1200) or an ISO 8601 instant with its offset (e.g. 2026-01-31T12:00:00Z)';

/** `--until`'s text as a position or an instant (canonical ISO, UTC); an error text when it is neither. */
export function parseAuditUntil(text: string): AuditUntil | { error: string } {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const position = Number(trimmed);
    if (Number.isSafeInteger(position)) return { position };
  } else if (INSTANT.test(trimmed)) {
    const ms = Date.parse(trimmed);
    if (Number.isFinite(ms)) return { time: new Date(ms).toISOString() };
  }
  return { error: `--until "${text}" is not understood: ${UNTIL_HELP}` };
}

export function describeUntil(until: AuditUntil): string {
  return 'position' in until ? `position ${until.position}` : until.time;
}
