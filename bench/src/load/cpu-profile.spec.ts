import { casesPerYear, REQUESTS_PER_CASE } from './load-report';
import { originOf, summarizeProfile, type CpuProfile } from './cpu-profile';

const frame = (id: number, functionName: string, url = '', lineNumber = 0) => ({
  id,
  callFrame: { functionName, url, lineNumber },
});

describe('the CPU profile summary of bench:load', () => {
  it('names where code comes from: a package, a library of this repository, Node, or V8', () => {
    expect(originOf('file:///r/node_modules/class-validator/cjs/index.js', 'validate')).toBe(
      'class-validator',
    );
    expect(originOf('file:///r/node_modules/@nestjs/core/router/x.js', 'handle')).toBe('@nestjs/core');
    expect(originOf('file:///r/dist/apps/node/libs/privacy/src/cipher.js', 'encrypt')).toBe('libs/privacy');
    expect(originOf('node:internal/streams/writable', 'write')).toBe('Node.js internals');
    expect(originOf('', '(garbage collector)')).toBe('(garbage collector)');
    expect(originOf('', 'sign')).toBe('(native)');
  });

  it('adds each sample’s time to the frame sampled, keeps idle apart and ranks by self time', () => {
    const profile: CpuProfile = {
      nodes: [
        frame(1, '(root)'),
        frame(2, '(idle)'),
        frame(3, 'validate', 'file:///r/node_modules/class-validator/index.js', 9),
        frame(4, 'encrypt', 'file:///r/dist/libs/privacy/src/cipher.js', 41),
        frame(5, '(garbage collector)'),
      ],
      // microseconds since the previous sample
      samples: [2, 3, 3, 4, 2, 5, 3],
      timeDeltas: [1000, 2000, 2000, 3000, 4000, 1000, 2000],
    };
    const summary = summarizeProfile(profile);
    expect(summary.idleMs).toBe(5);
    expect(summary.busyMs).toBe(10);
    expect(summary.byOrigin).toEqual([
      { name: 'class-validator', milliseconds: 6, share: 0.6 },
      { name: 'libs/privacy', milliseconds: 3, share: 0.3 },
      { name: '(garbage collector)', milliseconds: 1, share: 0.1 },
    ]);
    expect(summary.topFunctions[0]).toEqual({
      name: 'validate (class-validator index.js:10)',
      milliseconds: 6,
      share: 0.6,
    });
  });

  it('counts only the samples inside a window of the monotonic clock: the load, not the start-up before it', () => {
    const profile: CpuProfile = {
      nodes: [
        frame(1, '(root)'),
        frame(2, '(idle)'),
        frame(3, 'compile', 'node:internal/vm'),
        frame(4, 'handle'),
      ],
      startTime: 1_000_000,
      // at 1_001_000 (start-up), 1_003_000 (start-up), 1_004_000, 1_006_000, 1_007_000 (load), 1_010_000 (stop)
      samples: [3, 3, 4, 2, 4, 3],
      timeDeltas: [1000, 2000, 1000, 2000, 1000, 3000],
    };
    const summary = summarizeProfile(profile, 12, { fromMicros: 1_003_500, toMicros: 1_008_000 });
    expect(summary.busyMs).toBe(2);
    expect(summary.idleMs).toBe(2);
    expect(summary.topFunctions.map((f) => f.name)).toEqual(['handle']);
    expect(summarizeProfile(profile).busyMs).toBe(8);
    expect(() =>
      summarizeProfile({ ...profile, startTime: undefined }, 12, { fromMicros: 0, toMicros: 1 }),
    ).toThrow(/startTime/);
  });

  it('estimates a node’s yearly cases from its throughput and the stated assumptions', () => {
    // 250 days × 8 h, a peak hour at 10 × the average, REQUESTS_PER_CASE requests a case
    expect(casesPerYear(REQUESTS_PER_CASE)).toBe((250 * 8 * 3600) / 10);
    expect(casesPerYear(400)).toBeCloseTo((400 * 7_200_000) / (10 * REQUESTS_PER_CASE));
  });
});
