import { parseAuditUntil } from './audit-until';

describe('parseAuditUntil', () => {
  it('reads a whole number as a log position', () => {
    expect(parseAuditUntil('1200')).toEqual({ position: 1200 });
    expect(parseAuditUntil('0')).toEqual({ position: 0 });
  });

  it('reads an ISO instant with its offset as a canonical UTC instant', () => {
    expect(parseAuditUntil('2026-01-31T12:00:00Z')).toEqual({ time: '2026-01-31T12:00:00.000Z' });
    expect(parseAuditUntil('2026-01-31T14:00+02:00')).toEqual({ time: '2026-01-31T12:00:00.000Z' });
  });

  it.each([
    '',
    '-3',
    '1.5',
    'yesterday',
    '2026-01-31',
    '2026-01-31T12:00:00',
    '2026-13-45T99:00:00Z',
    '9'.repeat(20),
  ])('refuses %j, saying what it takes', (text) => {
    expect(parseAuditUntil(text)).toEqual({
      error: expect.stringMatching(/log position .* ISO 8601 instant/),
    });
  });
});
