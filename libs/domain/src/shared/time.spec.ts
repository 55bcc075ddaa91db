import { ageBandOf } from './age-band';
import { addDays, ageOn, daysBetween } from './time';

describe('calendar helpers', () => {
  it.each([
    ['2000-02-29', '2018-02-28T10:00:00Z', 17],
    ['2000-02-29', '2018-03-01T00:00:00Z', 18],
    ['1990-12-31', '2025-12-30T23:59:59+02:00', 34],
    ['1990-12-31', '2025-12-31T00:00:00+02:00', 35],
  ])('a person born %s is, on %s, %i years old', (dob, at, age) => {
    expect(ageOn(dob, at)).toBe(age);
  });

  it('adds days and counts them', () => {
    expect(addDays('2025-03-01T09:00:00Z', 30)).toBe('2025-03-31T09:00:00.000Z');
    expect(daysBetween('2025-03-01T09:00:00Z', '2025-04-30T09:00:00Z')).toBe(60);
  });

  it.each([
    [undefined, 'unknown'],
    [0, '0--8'],
    [8, '0--8'],
    [9, '9--17'],
    [17, '9--17'],
    [18, '18--20'],
    [29, '27--29'],
    [47, '39--47'],
    [48, '48+'],
    [90, '48+'],
  ])('age %s is in CTDC band %s', (age, band) => {
    expect(ageBandOf(age)).toBe(band);
  });
});
