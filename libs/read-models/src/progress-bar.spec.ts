import { ProgressBar, renderProgressBar } from './progress-bar';

describe('progress bar', () => {
  it('renders bar, percentage, counts and rate', () => {
    expect(renderProgressBar(52_000, 100_000, 31_000, { width: 10 })).toBe(
      '[#####.....] 52% 52000/100000 events 31000 ev/s',
    );
    expect(renderProgressBar(0, 0, 0, { width: 4 })).toBe('[####] 100% 0/0 events 0 ev/s');
    expect(renderProgressBar(150, 100, 0, { width: 4 })).toBe('[####] 100% 150/100 events 0 ev/s');
  });

  it('redraws one line in a terminal, with the rate from the clock', () => {
    const out: string[] = [];
    let now = 0;
    const bar = new ProgressBar(
      { isTTY: true, write: (s: string) => out.push(s) },
      { width: 4, clock: () => now },
    );
    now = 2000;
    bar.update(500, 1000);
    now = 4000;
    bar.update(1000, 1000);
    bar.finish();
    expect(out).toEqual([
      '\r[##..] 50% 500/1000 events 250 ev/s',
      '\r[####] 100% 1000/1000 events 250 ev/s',
      '\n',
    ]);
  });

  it('writes a line per 10 % step elsewhere, and the last one once', () => {
    const out: string[] = [];
    const bar = new ProgressBar({ write: (s: string) => out.push(s) }, { width: 4, clock: () => 0 });
    for (let done = 0; done <= 100; done += 5) bar.update(done, 100);
    bar.finish();
    expect(out).toHaveLength(11);
    expect(out.at(-1)).toBe('[####] 100% 100/100 events 0 ev/s\n');
  });
});
