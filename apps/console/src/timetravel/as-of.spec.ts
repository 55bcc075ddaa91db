import { instantOf, localInputOf, revisionIn } from './as-of';

describe('the asOf of a case page address', () => {
  it('tells a revision from a date-time', () => {
    expect(revisionIn('0')).toBe(0);
    expect(revisionIn('12')).toBe(12);
    for (const other of ['01', '-1', '1.5', '2026-01-01T00:00:00.000Z', ''])
      expect(revisionIn(other)).toBeUndefined();
  });

  it('turns the local time a person typed into an instant and back', () => {
    const instant = instantOf('2026-03-04T05:06:07');
    expect(instant).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
    expect(localInputOf(instant ?? '')).toBe('2026-03-04T05:06:07');
    expect(localInputOf(instantOf('2026-03-04T05:06') ?? '')).toBe('2026-03-04T05:06:00');
  });

  it('takes nothing from an incomplete or impossible time', () => {
    for (const bad of ['', '2026-03-04', '2026-13-04T05:06', 'yesterday'])
      expect(instantOf(bad)).toBeUndefined();
    expect(localInputOf('not a date')).toBe('');
  });
});
