import type Database from 'better-sqlite3';
import { CheckpointSigner, signCheckpoint } from '../integrity/checkpoint';
import { MerkleFrontier } from '../integrity/merkle';
import {
  AppendResult,
  DuplicateEventIdError,
  ExpectedRevision,
  NewEvent,
  revisionMatches,
  WrongExpectedRevisionError,
} from '../port';
import { prepareEvent } from './event-row';
import type { EventStoreStatements } from './sqlite-statements';

export interface PendingAppend {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedRevision;
}

/** A refusal as it crosses a thread boundary (Error classes do not survive structured cloning). */
export type AppendFailure =
  | { kind: 'wrong-revision'; streamId: string; expected: ExpectedRevision; actual: number }
  | { kind: 'duplicate-event-id'; eventId: string }
  | { kind: 'error'; name: string; message: string };

export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; failure: AppendFailure };

export function failureOf(error: unknown): AppendFailure {
  if (error instanceof WrongExpectedRevisionError) {
    return {
      kind: 'wrong-revision',
      streamId: error.streamId,
      expected: error.expected,
      actual: error.actual,
    };
  }
  if (error instanceof DuplicateEventIdError) return { kind: 'duplicate-event-id', eventId: error.eventId };
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  return { kind: 'error', name, message };
}

export function errorOf(failure: AppendFailure): Error {
  switch (failure.kind) {
    case 'wrong-revision':
      return new WrongExpectedRevisionError(failure.streamId, failure.expected, failure.actual);
    case 'duplicate-event-id':
      return new DuplicateEventIdError(failure.eventId);
    default: {
      const error =
        failure.name === 'TypeError' ? new TypeError(failure.message) : new Error(failure.message);
      error.name = failure.name;
      return error;
    }
  }
}

export interface BatchWriterOptions {
  signer?: CheckpointSigner;
  /** Checkpoint origin; checkpoints are signed only when both signer and origin are set. */
  origin?: string;
}

/**
 * Group commit: every append waiting for the writer goes into ONE immediate transaction, so many
 * commands share one fsync and one signed checkpoint. Each append still checks its own expected
 * revision inside a savepoint: a conflict or a duplicate id undoes that append only, and its caller
 * alone is refused.
 */
export class BatchWriter {
  private frontier: MerkleFrontier;
  private readonly commitBatch: (batch: readonly PendingAppend[]) => AppendOutcome[];
  private readonly appendOne: (append: PendingAppend, recordedAt: string) => AppendResult;

  constructor(
    private readonly db: Database.Database,
    private readonly statements: EventStoreStatements,
    private readonly options: BatchWriterOptions,
  ) {
    this.frontier = db.transaction(() => this.loadFrontier()).immediate();
    // better-sqlite3 runs a transaction function called inside another as a savepoint.
    this.appendOne = db.transaction(this.appendInSavepoint.bind(this));
    this.commitBatch = db.transaction(this.commitInTransaction.bind(this)).immediate;
  }

  /** The tree as of the last commit of this writer. */
  get tree(): MerkleFrontier {
    return this.frontier;
  }

  commit(batch: readonly PendingAppend[]): AppendOutcome[] {
    try {
      return this.commitBatch(batch);
    } catch (error) {
      // The transaction itself failed (busy, disk full): nothing of the batch was written.
      this.frontier = this.db.transaction(() => this.loadFrontier(true)).immediate();
      const failure = failureOf(error);
      return batch.map(() => ({ ok: false, failure }));
    }
  }

  private commitInTransaction(batch: readonly PendingAppend[]): AppendOutcome[] {
    // Another process may have appended since our last write: continue its tree, not our stale copy.
    this.frontier = this.loadFrontier();
    const before = this.frontier.size;
    const recordedAt = new Date().toISOString();
    const outcomes = batch.map((append): AppendOutcome => {
      try {
        return { ok: true, result: this.appendOne(append, recordedAt) };
      } catch (error) {
        // The savepoint is rolled back, and the frontier only moves once an append succeeded.
        return { ok: false, failure: failureOf(error) };
      }
    });
    if (this.frontier.size !== before) this.seal(recordedAt);
    return outcomes;
  }

  private appendInSavepoint({ streamId, events, expected }: PendingAppend, recordedAt: string): AppendResult {
    const current = this.currentRevision(streamId);
    if (!revisionMatches(expected, current))
      throw new WrongExpectedRevisionError(streamId, expected, current);
    if (events.length === 0) return { nextRevision: current, position: this.head() };
    const frontier = this.frontier.clone();
    let position = 0;
    events.forEach((event, i) => {
      const { values, leaf } = prepareEvent(streamId, current + 1 + i, recordedAt, event);
      frontier.append(leaf);
      try {
        const info = this.statements.insertEvent.run(values, leaf, frontier.root());
        position = Number(info.lastInsertRowid);
      } catch (error) {
        if (isUniqueViolation(error, 'events.event_id')) throw new DuplicateEventIdError(event.id);
        if (isUniqueViolation(error, 'events.stream_id')) {
          throw new WrongExpectedRevisionError(streamId, expected, this.currentRevision(streamId));
        }
        throw error;
      }
    });
    this.frontier = frontier;
    return { nextRevision: current + events.length, position };
  }

  /** The tree's frontier and, with a signer, one signed checkpoint for the whole transaction. */
  private seal(recordedAt: string): void {
    const frontier = this.frontier;
    this.statements.saveFrontier.run(frontier.size, frontier.serialize());
    const { signer, origin } = this.options;
    if (!signer || !origin) return;
    const checkpoint = signCheckpoint(
      { origin, size: frontier.size, root: frontier.root().toString('hex') },
      signer,
    );
    this.statements.insertCheckpoint.run({
      size: checkpoint.size,
      root: checkpoint.root,
      signature: checkpoint.signature,
      key_id: checkpoint.keyId,
      origin: checkpoint.origin,
      created_at: recordedAt,
    });
  }

  /** Must run inside a transaction. Rebuilds the frontier from the leaves if it was never stored. */
  private loadFrontier(forceReload = false): MerkleFrontier {
    const stored = this.statements.loadFrontier.get() as { size: number; nodes: Buffer } | undefined;
    if (stored) {
      return !forceReload && stored.size === this.frontier?.size
        ? this.frontier
        : MerkleFrontier.deserialize(stored.size, stored.nodes);
    }
    const leaves = (this.statements.allLeaves.all() as { leaf_hash: Buffer }[]).map((r) => r.leaf_hash);
    const rebuilt = MerkleFrontier.fromLeaves(leaves);
    this.statements.saveFrontier.run(rebuilt.size, rebuilt.serialize());
    return rebuilt;
  }

  private head(): number {
    return (this.statements.head.get() as { head: number }).head;
  }

  private currentRevision(streamId: string): number {
    return (this.statements.streamRevision.get(streamId) as { revision: number | null }).revision ?? -1;
  }
}

/** Duck-typed: under jest the native addon may raise SqliteError from another realm's Error class. */
function isUniqueViolation(error: unknown, column: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes(column);
}
