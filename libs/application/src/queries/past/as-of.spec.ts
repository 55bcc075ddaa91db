import type { StoredEvent } from '@nrm/event-store/port';
import { AS_OF_PATTERN, indexAsOf, NotThenError } from './as-of';

const at = ['2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.000Z', '2026-01-06T08:30:00.000Z'];
const events = at.map((occurredAt, revision) => ({ revision, occurredAt }) as StoredEvent);

describe('indexAsOf', () => {
  it('finds a revision, and refuses one the case does not have', () => {
    expect(indexAsOf(events, '0')).toBe(0);
    expect(indexAsOf(events, '2')).toBe(2);
    expect(() => indexAsOf(events, '3')).toThrow(NotThenError);
  });

  it('finds the last event that occurred by a time, whatever its offset', () => {
    expect(indexAsOf(events, '2026-01-05T10:00:00Z')).toBe(1);
    expect(indexAsOf(events, '2026-01-06T10:29:59+02:00')).toBe(1);
    expect(indexAsOf(events, '2026-01-06T10:30:00+02:00')).toBe(2);
    expect(indexAsOf(events, '2030-01-01T00:00:00Z')).toBe(2);
    expect(() => indexAsOf(events, '2026-01-05T09:59:59.999Z')).toThrow(NotThenError);
  });
});

describe('AS_OF_PATTERN', () => {
  it('takes a revision or a date-time with offset, nothing else', () => {
    for (const good of ['0', '17', '999999999', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00.123+02:00'])
      expect({ good, ok: AS_OF_PATTERN.test(good) }).toEqual({ good, ok: true });
    for (const bad of ['', '-1', '01', '1.5', '1e3', '2026-01-05', '2026-01-05T10:00:00', 'now', '0 '])
      expect({ bad, ok: AS_OF_PATTERN.test(bad) }).toEqual({ bad, ok: false });
  });
});
