import { CHANGES_PAGE, nextPageFrom, pageEnd } from './change-pages';

describe('the pages of the changes of a case', () => {
  it('asks at most one page of events at a time', () => {
    expect(pageEnd(undefined, undefined)).toBeUndefined();
    expect(pageEnd(undefined, 10)).toBe(10);
    expect(pageEnd(undefined, 2000)).toBe(CHANGES_PAGE - 1); // revisions 0..499
    expect(pageEnd(499, 2000)).toBe(499 + CHANGES_PAGE);
    expect(pageEnd(1990, 2000)).toBe(2000);
  });

  it('follows next until the range asked for is listed', () => {
    expect(nextPageFrom({ to: 499, next: 499 }, undefined)).toBe(499);
    expect(nextPageFrom({ to: 20 }, undefined)).toBeUndefined();
    expect(nextPageFrom({ to: 499, next: 499 }, 2000)).toBe(499);
    // The API says more follow the range's end; they were not asked for.
    expect(nextPageFrom({ to: 10, next: 10 }, 10)).toBeUndefined();
  });
});
