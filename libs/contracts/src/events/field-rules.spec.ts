import { isISO8601 } from 'class-validator';
import { DATE_PATTERN, DATE_TIME_PATTERN, decimalPlaces } from './field-rules';

/**
 * The OpenAPI document publishes these patterns as the whole rule, so they must take exactly what the
 * strict ISO 8601 check takes (years 1000-9999): checked day by day over leap and common years.
 */
describe('date patterns: exactly the strict ISO 8601 dates', () => {
  const years = ['1000', '1600', '1900', '2000', '2023', '2024', '2100', '2400', '9999'];
  const days = years.flatMap((y) =>
    Array.from({ length: 14 * 33 }, (_, i) => {
      const [m, d] = [Math.floor(i / 33), i % 33];
      return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    }),
  );

  it('takes a calendar date if and only if the date exists', () => {
    const disagree = days.filter((day) => DATE_PATTERN.test(day) !== isISO8601(day, { strict: true }));
    expect(disagree).toEqual([]);
    expect(DATE_PATTERN.test('2024-02-29')).toBe(true);
    expect(DATE_PATTERN.test('2023-02-29')).toBe(false);
  });

  it('takes a date-time with an offset if and only if its date and time exist', () => {
    const times = ['T00:00Z', 'T23:59:59.123456789+23:59', 'T24:00Z', 'T24:00:00Z', 'T12:60Z', 'T25:00Z'];
    const more = ['T12:00:60Z', 'T12:00+24:00', 'T12:00-05:60', 'T12:00:00.Z', 'T12:00.5Z', 'T12:00'];
    const disagree = days
      .filter((_, i) => i % 3 === 0)
      .flatMap((day) => [...times, ...more].map((time) => day + time))
      .filter((value) => {
        const loose = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
        return DATE_TIME_PATTERN.test(value) !== (loose && isISO8601(value, { strict: true }));
      });
    expect(disagree).toEqual([]);
  });
});

describe('decimalPlaces', () => {
  it.each([
    [12, 0],
    [12.5, 1],
    [0.07, 2],
    [1e-7, 7],
    [1.5e-7, 8],
    [1e21, 0],
  ])('%d has %d', (value, places) => expect(decimalPlaces(value)).toBe(places));
});
