import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the cap, jittered within the upper half', () => {
    const top = () => 1;
    const bottom = () => 0;
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, { initialMs: 100, maxMs: 500 }, top))).toEqual([
      100, 200, 400, 500,
    ]);
    expect(backoffDelay(50, { initialMs: 100, maxMs: 500 }, bottom)).toBe(250);
  });
});
