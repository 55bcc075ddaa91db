/**
 * What the Kafka + MongoDB node waits for: every MongoDB operation it sends, timed in its own process
 * (mongo-op-timing.ts, preloaded), grouped by collection, operation and the shape of its filter.
 */

/** Totals of one kind of operation. */
export interface OperationTotal {
  /** e.g. `case_detail.bulkWrite {"_id":…,"lastPosition":{"$lt":…}}` */
  operation: string;
  calls: number;
  milliseconds: number;
}

/** The file the preloaded timer writes its totals to (set in the node's environment). */
export const MONGO_OPERATIONS_FILE_ENV = 'NRM_BENCH_MONGO_OPERATIONS_FILE';

/** A filter with its values left out: the shape that decides how the server can answer it. */
export function filterShape(filter: unknown): string {
  return JSON.stringify(filter ?? {}, (_key, value: unknown) => {
    if (Array.isArray(value)) return value.length === 0 ? [] : ['…'];
    if (value === null || typeof value === 'object') return value;
    return '…';
  });
}

/**
 * The filter an operation is decided by: its first argument, or for a bulk write the filter of its
 * first update or delete (the projections' writes are one shape per bulk).
 */
export function filterOf(operation: string, args: readonly unknown[]): unknown {
  if (operation !== 'bulkWrite') return args[0];
  const first = (args[0] as Record<string, { filter?: unknown }>[] | undefined)?.[0];
  if (!first) return undefined;
  return Object.values(first)[0]?.filter;
}

export interface OperationShare extends OperationTotal {
  perRequest: number;
  meanMs: number;
  /** Share of all the time spent waiting for MongoDB (summed over concurrent operations). */
  share: number;
}

/** The operations with the most time, per HTTP request answered by the node. */
export function summarizeOperations(
  totals: readonly OperationTotal[],
  requests: number,
  limit = 10,
): { totalMs: number; top: OperationShare[] } {
  const totalMs = totals.reduce((sum, total) => sum + total.milliseconds, 0);
  const top = [...totals]
    .sort((a, b) => b.milliseconds - a.milliseconds)
    .slice(0, limit)
    .map((total) => ({
      ...total,
      perRequest: requests > 0 ? total.calls / requests : 0,
      meanMs: total.calls > 0 ? total.milliseconds / total.calls : 0,
      share: totalMs > 0 ? total.milliseconds / totalMs : 0,
    }));
  return { totalMs, top };
}

/** The report's section: where the node's time in MongoDB goes, per HTTP request it answered. */
export function mongoOperationsSection(
  server: string,
  summary: { totalMs: number; top: OperationShare[] },
  requests: number,
): string[] {
  const perRequest = requests > 0 ? summary.totalMs / requests : 0;
  return [
    '### Where the Kafka + MongoDB node waits',
    '',
    `Every MongoDB operation of the Kafka + MongoDB node over all its levels, timed in its own process ` +
      `(the driver's calls, from sending to the answer; ${server}): ${requests.toLocaleString('en-US')} requests ` +
      `answered, ${perRequest.toFixed(1)} ms in MongoDB per request (summed over operations that overlap). ` +
      'Filters shown without their values:',
    '',
    '| operation | calls | per request | mean ms | share of time in MongoDB |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...summary.top.map(
      (op) =>
        `| \`${op.operation.replace(/\|/g, '\\|')}\` | ${op.calls} | ${op.perRequest.toFixed(2)} | ` +
        `${op.meanMs.toFixed(1)} | ${(op.share * 100).toFixed(1)} % |`,
    ),
    '',
  ];
}

/** Whether the server answers a filter from its storage's index (FerretDB's explain says so; MongoDB's does not). */
export interface FilterPushdown {
  filter: string;
  pushedDown: boolean;
}

/** The filters the projections send, as their shapes, for the server to explain. */
export const EXPLAINED_FILTERS: Record<string, unknown>[] = [
  { _id: 'case' },
  { _id: { $in: ['case'] } },
  { _id: 'case', lastPosition: { $lt: 1 } },
];

/** One sentence from the explained filters; none when the server does not tell (MongoDB). */
export function pushdownSentence(
  collection: string,
  explained: readonly FilterPushdown[] | undefined,
): string[] {
  if (!explained || explained.length === 0) return [];
  const list = (pushed: boolean) =>
    explained
      .filter((e) => e.pushedDown === pushed)
      .map((e) => `\`${e.filter}\``)
      .join(', ');
  const pushed = list(true);
  const scanned = list(false);
  return [
    `The server's explain of these filters on \`${collection}\`: ` +
      (pushed ? `${pushed} answered from its storage's index; ` : '') +
      (scanned
        ? `${scanned} not pushed down: it reads every document of the collection and filters them itself, ` +
          'so each of those operations costs more as cases accumulate.'
        : 'every one answered from its index.'),
    '',
  ];
}
