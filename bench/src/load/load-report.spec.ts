import type { Measured } from './drive';
import { EXTERNAL_STORES_NODE, loadSection, unexpectedOutcomes, type LoadTable } from './load-report';

const row = (connections: number, perSecond: number, extra: Partial<Measured> = {}) => ({
  connections,
  seconds: 10,
  requests: perSecond * 10,
  perSecond,
  p50Ms: 2,
  p95Ms: 5,
  p99Ms: 9,
  errors: 0,
  deliberateConflicts: 100,
  ...extra,
});

const raw: LoadTable = { name: 'raw', rows: [row(1, 1000), row(32, 2000)], peakRssBytes: 100 * 2 ** 20 };
const embedded: LoadTable = {
  name: 'node, embedded default (SQLite)',
  rows: [
    { ...row(1, 400), readsBehind: 0 },
    { ...row(32, 800), readsBehind: 0 },
  ],
  peakRssBytes: 400 * 2 ** 20,
};
const rawMongo: LoadTable = { name: 'raw MongoDB', rows: [row(1, 400), row(32, 1200)], peakRssBytes: 0 };
const external: LoadTable = {
  name: EXTERNAL_STORES_NODE,
  against: rawMongo,
  rows: [
    { ...row(1, 200), readsBehind: 0 },
    { ...row(32, 600, { errors: 3 }), readsBehind: 2 },
  ],
  peakRssBytes: 300 * 2 ** 20,
};

describe('the report of bench:load', () => {
  it('lists every node row, with errors apart from the deliberate 409s, and any read behind a write', () => {
    expect(unexpectedOutcomes([embedded])).toEqual([]);
    expect(unexpectedOutcomes([embedded, external])).toEqual([
      'node, Kafka + MongoDB, 32 clients: 3 errors',
      "node, Kafka + MongoDB, 32 clients: 2 reads behind the client's own write",
    ]);
  });

  it('gives the Kafka + MongoDB node its row group, its ratio to its own raw baseline, its lines and note', () => {
    const text = loadSection({
      machine: 'test machine',
      seconds: 10,
      raw,
      baselines: [rawMongo],
      tables: [embedded, external],
      notes: ['The Kafka + MongoDB node used them.'],
      kill: { kills: 3, acknowledged: 100, lost: 0, seconds: 20 },
      totalSeconds: 60,
    });
    expect(text).toContain('| raw | 32 | 2000 | 1.00 | 2 | 5 | 9 | 0 | 100 | — |');
    expect(text).toContain('| raw MongoDB | 32 | 1200 | 1.00 | 2 | 5 | 9 | 0 | 100 | — |');
    // Against the raw MongoDB baseline (1200/s), not the SQLite one (2000/s).
    expect(text).toContain('| node, Kafka + MongoDB | 32 | 600 | 0.50 | 2 | 5 | 9 | 3 | 100 | 2 |');
    expect(text).toContain('| node, embedded default (SQLite) | 32 | 800 | 0.40 |');
    expect(text).toContain('- node, Kafka + MongoDB at 32 clients: 0.75 × node, embedded default (SQLite)');
    expect(text).toContain(
      '- node, Kafka + MongoDB: 32 clients reach 3.0 × the throughput of 1 client (goal ≥ 5 ×: not met); ' +
        'peak RSS 300 MiB',
    );
    expect(text).toContain('\nThe Kafka + MongoDB node used them.\n');
  });

  it('bounds the 32-client throughput by the profiled CPU per request, against five times one client', () => {
    const text = loadSection({
      machine: 'test machine',
      seconds: 10,
      raw,
      tables: [embedded],
      kill: { kills: 3, acknowledged: 100, lost: 0, seconds: 20 },
      totalSeconds: 60,
      // 10 s profiled at 800 requests/s, 8 s busy: 1 ms of CPU per request.
      profile: {
        perSecond: 800,
        summary: {
          busyMs: 8000,
          idleMs: 2000,
          byOrigin: [{ name: 'libs/read-models', share: 1, milliseconds: 8000 }],
          topFunctions: [{ name: 'apply (libs/read-models a.js:1)', share: 1, milliseconds: 8000 }],
        },
      },
    });
    expect(text).toContain('1.00 ms of CPU per request');
    expect(text).toContain('one event loop answers at most 1000 requests/s');
    expect(text).toContain('(5 × 400 = 2000 requests/s) would need at most 0.50 ms per request, 2.0 × less');
  });
});
