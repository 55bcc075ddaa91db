import type { EventStore, StoredEvent, Subscription } from '@nrm/event-store/port';
import type { RelayCheckpointStore } from '../port/checkpoint-store.port';
import type { SharedLogPublisher } from '../port/shared-log.port';
import { backoffDelay, BackoffOptions } from './backoff';

export interface SharedLogRelayOptions {
  store: EventStore;
  publisher: SharedLogPublisher;
  checkpoints: RelayCheckpointStore;
  /** Name of the checkpoint (one per relay target). Default 'shared-log-relay'. */
  name?: string;
  /** Events per batch. Default 500. */
  batchSize?: number;
  /** Look for new events at least this often when caught up (appends by other processes). Default 500 ms. */
  pollIntervalMs?: number;
  backoff?: BackoffOptions;
  /** Told about every failed send (it is retried). */
  onPublishError?: (error: Error, attempt: number) => void;
  /** Told when reading the store or saving the checkpoint failed (retried too). */
  onStoreError?: (error: Error) => void;
  /**
   * Wake up as soon as this process appends (a live subscription on the store from its head, whose only
   * job is to ring). Costs one extra read of each new event; default true.
   */
  wakeOnAppend?: boolean;
  /**
   * Save the checkpoint at most this often while events flow, and this long after the last batch when
   * the log goes quiet. A save is a synchronous durable SQLite commit on this thread (milliseconds);
   * one per batch would stall a busy node. A crash sends again what was acknowledged since the last save
   * (consumers drop the copies by id). 0 saves after every batch. Default 100 ms.
   */
  checkpointIntervalMs?: number;
}

export interface RelayStatus {
  running: boolean;
  /** Last global position acknowledged by the shared log and saved. */
  checkpoint: number;
  /** Last global position acknowledged by the shared log (saved within `checkpointIntervalMs`). */
  acknowledged: number;
  /** Failed sends since the last success. */
  failures: number;
}

/**
 * Copies committed events from the store to the shared log, in global order, one batch in flight:
 * read a page after the last acknowledged position, publish it, and while it is in flight save the
 * checkpoint (when due) and read the next page; that page is sent only once this batch is acknowledged.
 * A checkpoint is saved only after its batch was acknowledged. A failed send is retried (capped
 * exponential backoff) with the checkpoint unmoved. A crash between an acknowledgement and the
 * checkpoint save makes the next start send those batches again: consumers may see a batch twice, never
 * miss or reorder one — they drop the copies by event id.
 */
export class SharedLogRelay {
  private readonly name: string;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly checkpointIntervalMs: number;
  private checkpoint = 0;
  /** Ahead of `checkpoint` while its save is not due yet. */
  private position = 0;
  private lastSave = 0;
  private failures = 0;
  private stopping = false;
  private loop?: Promise<void>;
  private wakeSubscription?: Subscription;
  private wake?: () => void;
  private rang = false;
  /** Waiters, told whenever a batch is acknowledged or a checkpoint saved. */
  private readonly progress = new Set<() => void>();

  constructor(private readonly options: SharedLogRelayOptions) {
    this.name = options.name ?? 'shared-log-relay';
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.checkpointIntervalMs = options.checkpointIntervalMs ?? 100;
    if (!Number.isSafeInteger(this.batchSize) || this.batchSize < 1)
      throw new RangeError('batchSize must be a positive integer');
  }

  async start(): Promise<void> {
    if (this.loop) throw new Error('relay already started');
    this.stopping = false;
    this.checkpoint = (await this.options.checkpoints.load(this.name)) ?? 0;
    this.position = this.checkpoint;
    this.lastSave = Date.now();
    if (this.options.wakeOnAppend ?? true) {
      this.wakeSubscription = this.options.store.subscribeToAll(() => this.notify(), {
        fromPosition: await this.options.store.headPosition(),
      });
    }
    this.loop = this.run();
  }

  /** Finishes the batch in flight, saves the checkpoint of what was acknowledged, then stops. Idempotent. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.notify();
    await this.wakeSubscription?.stop();
    this.wakeSubscription = undefined;
    await this.loop;
    this.loop = undefined;
  }

  /** Look for new events now rather than at the next poll. */
  notify(): void {
    this.rang = true;
    this.wake?.();
  }

  status(): RelayStatus {
    return {
      running: this.loop !== undefined && !this.stopping,
      checkpoint: this.checkpoint,
      acknowledged: this.position,
      failures: this.failures,
    };
  }

  /** Resolves once the saved checkpoint reached `position` (bounded by `timeoutMs`). */
  waitForCheckpoint(position: number, timeoutMs = 30_000): Promise<void> {
    return this.waitUntil(() => this.checkpoint, 'checkpoint', position, timeoutMs);
  }

  /** Resolves once the shared log acknowledged `position` (its checkpoint may be saved later). */
  waitForAcknowledged(position: number, timeoutMs = 30_000): Promise<void> {
    return this.waitUntil(() => this.position, 'acknowledged position', position, timeoutMs);
  }

  private async waitUntil(
    current: () => number,
    what: string,
    position: number,
    timeoutMs: number,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (current() < position) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`relay ${what} ${current()} did not reach ${position} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.progress.delete(done);
          resolve();
        };
        const timer = setTimeout(done, left);
        this.progress.add(done);
      });
    }
  }

  private async run(): Promise<void> {
    let storeFailures = 0;
    /** The page after `position`, read while the batch ending there was in flight. */
    let next: Promise<StoredEvent[]> | undefined;
    let inFlight: Promise<boolean> | undefined;
    while (!this.stopping) {
      try {
        const batch = await (next ?? this.read(this.position));
        next = undefined;
        if (batch.length === 0) {
          const dueInMs = await this.saveCheckpointIfDue();
          await this.sleep(Math.min(this.pollIntervalMs, dueInMs));
          continue;
        }
        inFlight = this.publishUntilAcknowledged(batch);
        // While the broker works on this batch: save the checkpoint and read the next page (both block
        // this thread with SQLite, so first let the send reach the socket).
        await new Promise((resolve) => setImmediate(resolve));
        await this.saveCheckpointIfDue();
        const last = batch[batch.length - 1].position;
        next = this.read(last);
        next.catch(() => undefined); // awaited in the next round, or dropped by the catch below
        const acknowledged = await inFlight;
        inFlight = undefined;
        if (!acknowledged) break;
        this.position = last;
        this.tellWaiters();
        storeFailures = 0;
      } catch (error) {
        // Reading the store or saving the checkpoint failed: back to the saved checkpoint (what was
        // acknowledged since is sent again), once the batch in flight is done with.
        await inFlight;
        inFlight = undefined;
        next = undefined;
        this.position = this.checkpoint;
        this.options.onStoreError?.(error instanceof Error ? error : new Error(String(error)));
        await this.sleep(backoffDelay(storeFailures++, this.options.backoff), false);
      }
    }
    if (this.position > this.checkpoint) {
      await this.saveCheckpoint(this.position).catch((error: unknown) =>
        this.options.onStoreError?.(error instanceof Error ? error : new Error(String(error))),
      );
    }
  }

  /** A page after `from`; an append that rings after this read started makes the next sleep return. */
  private async read(from: number): Promise<StoredEvent[]> {
    this.rang = false;
    return this.options.store.readAll({ fromPosition: from, limit: this.batchSize });
  }

  /** Saves the acknowledged position if the interval elapsed; else ms until it is due (Infinity: nothing to save). */
  private async saveCheckpointIfDue(): Promise<number> {
    if (this.position === this.checkpoint) return Infinity;
    const dueInMs = this.lastSave + this.checkpointIntervalMs - Date.now();
    if (dueInMs > 0) return dueInMs;
    await this.saveCheckpoint(this.position);
    return Infinity;
  }

  private async saveCheckpoint(position: number): Promise<void> {
    await this.options.checkpoints.save(this.name, position);
    this.lastSave = Date.now();
    this.checkpoint = position;
    this.tellWaiters();
  }

  private tellWaiters(): void {
    for (const done of [...this.progress]) done();
  }

  /** false when stopped before the batch was acknowledged (the checkpoint stays where it was). */
  private async publishUntilAcknowledged(batch: StoredEvent[]): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.options.publisher.publish(batch);
        this.failures = 0;
        return true;
      } catch (error) {
        this.failures++;
        this.options.onPublishError?.(error instanceof Error ? error : new Error(String(error)), attempt + 1);
        if (this.stopping) return false;
        await this.sleep(backoffDelay(attempt, this.options.backoff), false);
        if (this.stopping) return false;
      }
    }
  }

  /** Sleeps until the delay elapsed, stop() was called, or (when `wakeable`) an append rang. */
  private sleep(ms: number, wakeable = true): Promise<void> {
    if (this.stopping || (wakeable && this.rang)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = () => {
        if (wakeable || this.stopping) done();
      };
    });
  }
}
