import type { AppendResult } from '../port';
import { AppendOutcome, errorOf, PendingAppend } from './append-batch';

interface Waiting {
  append: PendingAppend;
  resolve: (result: AppendResult) => void;
  reject: (error: Error) => void;
}

/** Commits a batch of appends in one transaction; answers one outcome per append, in order. */
export type CommitBatch = (batch: PendingAppend[]) => Promise<AppendOutcome[]>;

/** Largest batch in one transaction, so one commit never holds the write lock for long. */
const MAX_BATCH = 256;

/**
 * The appends of one writer, in arrival order. One batch is committed at a time; whatever arrives
 * meanwhile waits and goes together into the next transaction (group commit). Each caller gets its
 * own answer: one refused append never fails the others of its batch.
 */
export class GroupCommitQueue {
  private readonly waiting: Waiting[] = [];
  private draining?: Promise<void>;

  constructor(
    private readonly commit: CommitBatch,
    private readonly committed: (appendedAny: boolean) => void,
  ) {}

  submit(append: PendingAppend): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.waiting.push({ append, resolve, reject });
      // Started from a microtask: the appends submitted in the same turn share the first transaction.
      this.draining ??= Promise.resolve().then(() => this.drain());
    });
  }

  /** Resolves once every append submitted so far has its answer. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      let outcomes: AppendOutcome[];
      try {
        outcomes = await this.commit(batch.map((waiting) => waiting.append));
      } catch (error) {
        for (const waiting of batch)
          waiting.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      outcomes.forEach((outcome, i) =>
        outcome.ok ? batch[i].resolve(outcome.result) : batch[i].reject(errorOf(outcome.failure)),
      );
      this.committed(outcomes.some((outcome, i) => outcome.ok && batch[i].append.events.length > 0));
    }
    this.draining = undefined;
  }
}
