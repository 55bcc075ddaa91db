import type { EventStore, StoredEvent } from '@nrm/event-store/port';
import type { ReadModelStore } from './port/read-model-store.port';

export interface RebuildOptions {
  /**
   * Called after every page with the position reached and the head position. Positions of the
   * embedded log are contiguous from 1, so both read as event counts there.
   */
  onProgress?: (done: number, total: number) => void;
  /**
   * Events per read and per projection transaction (default 5000: a case's events are spread over
   * the log, and fewer, larger pages load and store each case fewer times).
   */
  pageSize?: number;
  /**
   * Replays only the log before the first event this holds for (an audit's `--until`); the rest of
   * the log is not read.
   */
  stopBefore?: (event: StoredEvent) => boolean;
}

export interface RebuildResult {
  /** Events replayed. */
  events: number;
  /** Position of the last one (0 for an empty log). */
  position: number;
}

/**
 * Drops every read model and replays the whole log into it, a page per transaction.
 * Stop the ProjectionRunner first: both would otherwise write the same projections.
 */
export async function rebuildProjections(
  eventStore: EventStore,
  readModels: ReadModelStore,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const pageSize = options.pageSize ?? 5000;
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new RangeError('pageSize must be a positive integer');
  await readModels.reset();
  const endBulkLoad = readModels.beginBulkLoad?.();
  try {
    return await replayPages(eventStore, readModels, pageSize, options);
  } finally {
    await endBulkLoad?.();
  }
}

async function replayPages(
  eventStore: EventStore,
  readModels: ReadModelStore,
  pageSize: number,
  options: RebuildOptions,
): Promise<RebuildResult> {
  const projections = readModels.projections();
  let total = await eventStore.headPosition();
  let position = 0;
  let events = 0;
  options.onProgress?.(0, total);
  let stopped = false;
  while (!stopped) {
    let page = await eventStore.readAll({ fromPosition: position, limit: pageSize });
    const stop = options.stopBefore ? page.findIndex(options.stopBefore) : -1;
    if (stop >= 0) {
      page = page.slice(0, stop);
      stopped = true;
    }
    if (page.length === 0) break;
    for (const projection of projections) await projection.handle(page);
    position = page[page.length - 1].position;
    events += page.length;
    total = Math.max(total, position); // the log may grow while we replay it
    options.onProgress?.(position, total);
  }
  if (stopped) options.onProgress?.(position, position);
  else if (position < total) options.onProgress?.(total, total);
  return { events, position };
}
