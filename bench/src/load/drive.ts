import autocannon, { type Request } from 'autocannon';

export interface Measured {
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and answers other than 2xx, apart from the deliberate 409s. */
  errors: number;
  /** 409s the mix asked for (a stale If-Match). */
  deliberateConflicts: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Runs autocannon against `url` with `requests` (each connection walks them in order, again and
 * again) and measures every response itself: autocannon's summary has no p95.
 */
export async function drive(
  url: string,
  requests: Request[],
  connections: number,
  seconds: number,
  deliberateConflictsSent: () => number = () => 0,
  onStart: (instance: autocannon.Instance) => void = () => undefined,
): Promise<Measured> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({ url, connections, duration: seconds, requests, timeout: 30 }, (error, result) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
    );
  });
  // autocannon's emitter passes the client first (its typings omit it).
  (instance as NodeJS.EventEmitter).on(
    'response',
    (_client: unknown, status: number, _bytes: number, milliseconds: number) => {
      latencies.push(milliseconds);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    },
  );
  onStart(instance);
  const result = await finished;
  latencies.sort((a, b) => a - b);
  const conflicts = statuses.get(409) ?? 0;
  const deliberate = Math.min(conflicts, deliberateConflictsSent());
  const non2xx = [...statuses]
    .filter(([status]) => status < 200 || status > 299)
    .reduce((n, [, c]) => n + c, 0);
  return {
    connections,
    seconds,
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    errors: result.errors + non2xx - deliberate,
    deliberateConflicts: deliberate,
  };
}
