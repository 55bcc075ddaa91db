import { millionLogSection, type MillionLogResult } from './million-log';

const result = (rebuildSeconds: number, verifySeconds: number): MillionLogResult => ({
  events: 1_000_000,
  populateSeconds: 300,
  rawRead: { events: 1_000_000, seconds: 5, peakRssMiB: 140 },
  rebuild: { events: 1_000_000, seconds: rebuildSeconds, peakRssMiB: 300, rssAtTenthMiB: 290 },
  verify: { events: 1_000_000, seconds: verifySeconds, peakRssMiB: 170, valid: true, checkpoints: 13_729 },
  rebuildProfile: {
    busyMs: 1000,
    idleMs: 0,
    byOrigin: [
      { name: 'libs/read-models', share: 0.5, milliseconds: 12_000 },
      { name: 'better-sqlite3', share: 0.3, milliseconds: 7_500 },
      { name: 'libs/domain', share: 0.05, milliseconds: 1_000 },
    ],
    topFunctions: [{ name: 'apply (libs/read-models a.js:1)', share: 1, milliseconds: 1000 }],
  },
});

describe('the large log section of docs/performance.md', () => {
  it('states each goal as met or not from the measured seconds, with rates against the raw read', () => {
    const text = millionLogSection(result(25, 8)).join('\n');
    expect(text).toContain(
      'rebuild: 25.0 s (goal under 20 s: not met); verify: 8.0 s (goal under 10 s: met)',
    );
    expect(text).toContain('| rebuild every read model | 1000000 | 25.0 | 40000 | 0.20 | 300 | 290 |');
    expect(text).toContain('13729 signed checkpoints');
    expect(text).toContain('projections, 7.5 s) takes 1.5 × the whole raw read-and-parse');
    expect(text).toContain('alone take 20.5 s, more than the goal of 20 s.');
    expect(millionLogSection(result(19.9, 10.5)).join('\n')).toContain(
      'rebuild: 19.9 s (goal under 20 s: met); verify: 10.5 s (goal under 10 s: not met)',
    );
  });
});
