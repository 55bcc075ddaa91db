import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseIdOfStream } from '@nrm/contracts';
import type { EventStore, StoredEvent } from '@nrm/event-store/port';
import { rowPosition, type ReadModelRow } from '../port/read-model-row';
import type { ReadModelStore } from '../port/read-model-store.port';
import { rebuildProjections } from '../rebuild';
import { SqliteReadModelStore } from '../sqlite/sqlite-read-model-store';
import type { AuditUntil } from './audit-until';
import { compareRows, type ModelTally, type RowDifference } from './row-differences';
import type { DeadlinePolicy } from '../case-view/deadline-policy';

export interface ReplayAuditOptions {
  until?: AuditUntil;
  /** Replay progress, as `rebuildProjections` reports it. */
  onProgress?: (done: number, total: number) => void;
  /** Differences listed (default 1000); all are counted. */
  maxDifferences?: number;
  /** Where the scratch store's temporary directory goes (default the system's). */
  scratchParent?: string;
  /** The node's deadline policy, which the live rows were computed with (default: the defaults). */
  deadlinePolicy?: DeadlinePolicy;
}

export interface ReplayAuditReport {
  /** No difference and no impossible checkpoint. */
  matches: boolean;
  logHead: number;
  /** Position of the last event replayed: rows are compared as of this point of the log. */
  comparedUpTo: number;
  until?: AuditUntil;
  eventsReplayed: number;
  liveCheckpoints: { projection: string; position: number }[];
  tallies: ModelTally[];
  differences: RowDifference[];
  differenceCount: number;
  /** Live checkpoints the log cannot explain (beyond its head): the projections would skip events. */
  checkpointProblems: string[];
  /** What limited the comparison, in words. */
  notes: string[];
}

const TAIL_PAGE = 1000;

/**
 * Rebuilds every read model from the log into a scratch SQLite store (a temporary directory,
 * removed afterwards) and compares it row by row with the live store, which is only read.
 *
 * The comparison stands at one point of the log: `until` when given, never beyond what every live
 * projection has applied (a node stopped before catching up is behind, not wrong). Rows whose source
 * changed after that point (a case with a later event, an entry of a later position) are counted
 * as not compared.
 */
export async function auditReplay(
  eventStore: EventStore,
  live: ReadModelStore,
  options: ReplayAuditOptions = {},
): Promise<ReplayAuditReport> {
  const logHead = await eventStore.headPosition();
  const liveCheckpoints = await Promise.all(
    live.projections().map(async (p) => ({ projection: p.name, position: await p.checkpoint() })),
  );
  const liveAt = Math.min(logHead, ...liveCheckpoints.map((c) => c.position));
  const until = options.until;
  const untilMs = until && 'time' in until ? Date.parse(until.time) : undefined;
  const stopBefore = (event: StoredEvent) =>
    event.position > liveAt ||
    (until !== undefined && 'position' in until && event.position > until.position) ||
    (untilMs !== undefined && Date.parse(event.recordedAt) > untilMs);

  const dir = mkdtempSync(join(options.scratchParent ?? tmpdir(), 'nrm-audit-replay-'));
  const scratch = new SqliteReadModelStore({
    file: join(dir, 'read-models.sqlite'),
    deadlinePolicy: options.deadlinePolicy,
  });
  try {
    const replay = await rebuildProjections(eventStore, scratch, {
      stopBefore,
      onProgress: options.onProgress,
    });
    const comparedUpTo = replay.position;
    const laterCases = await casesChangedAfter(eventStore, comparedUpTo);
    const skip = (row: ReadModelRow) => {
      const position = rowPosition(row);
      return position === undefined ? laterCases.has(row.key) : position > comparedUpTo;
    };
    const comparison = await compareRows(live.rows(), scratch.rows(), {
      skip,
      maxDifferences: options.maxDifferences,
    });
    const checkpointProblems = liveCheckpoints
      .filter((c) => c.position > logHead)
      .map(
        (c) =>
          `the live ${c.projection} projection claims position ${c.position}, beyond the log's head ${logHead}: ` +
          'it would skip the events appended up to there',
      );
    return {
      matches: comparison.differenceCount === 0 && checkpointProblems.length === 0,
      logHead,
      comparedUpTo,
      ...(until ? { until } : {}),
      eventsReplayed: replay.events,
      liveCheckpoints,
      ...comparison,
      checkpointProblems,
      notes: notesOn(logHead, liveAt, comparedUpTo, until),
    };
  } finally {
    await scratch.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The cases with an event after `position`: their detail rows reflect a later state than replayed. */
async function casesChangedAfter(eventStore: EventStore, position: number): Promise<Set<string>> {
  const cases = new Set<string>();
  let from = position;
  for (;;) {
    const page = await eventStore.readAll({ fromPosition: from, limit: TAIL_PAGE });
    if (page.length === 0) return cases;
    for (const event of page) {
      const caseId = caseIdOfStream(event.streamId);
      if (caseId !== undefined) cases.add(caseId);
    }
    from = page[page.length - 1].position;
  }
}

function notesOn(logHead: number, liveAt: number, comparedUpTo: number, until?: AuditUntil): string[] {
  const notes: string[] = [];
  if (liveAt < logHead) {
    notes.push(
      `live read models are at position ${liveAt}, the log at ${logHead} (the node catches up when it ` +
        'starts): nothing later is compared',
    );
  }
  if (until && 'position' in until && until.position > liveAt) {
    notes.push(`--until position ${until.position} is beyond what the live read models hold (${liveAt})`);
  }
  if (comparedUpTo < logHead && notes.length === 0) {
    notes.push(`compared as of log position ${comparedUpTo} of ${logHead}`);
  }
  return notes;
}
