import type { EventStore, StoredEvent, Subscription } from '@nrm/event-store/port';
import type { Projection, ReadModelStore } from './port/read-model-store.port';

export interface ProjectionRunnerOptions {
  /** Defaults to every projection of the read model store. */
  projections?: readonly Projection[];
  /** Pause before resubscribing after a failure (default 1000 ms). */
  retryDelayMs?: number;
  /** Told about every failure; the runner itself keeps retrying from the checkpoint. */
  onError?: (error: Error) => void;
}

/** Events projected in one transaction at most (the subscription waits beyond it). */
const MAX_BATCH = 500;

export class ProjectionTimeoutError extends Error {
  constructor(
    readonly position: number,
    readonly reached: number,
    timeoutMs: number,
  ) {
    super(`read models reached position ${reached}, not ${position}, within ${timeoutMs} ms`);
    this.name = 'ProjectionTimeoutError';
  }
}

interface Waiter {
  position: number;
  resolve: () => void;
}

/**
 * Keeps the projections up to date: subscribes to the log from the lowest checkpoint and hands each
 * event to every projection (each skips what it already holds). After a failure it resubscribes from
 * the checkpoints, so nothing is skipped and nothing applied twice.
 */
export class ProjectionRunner {
  private readonly projections: readonly Projection[];
  private readonly retryDelayMs: number;
  private subscription?: Subscription;
  private generation = 0;
  private retryTimer?: NodeJS.Timeout;
  private started = false;
  private reached = 0;
  private waiters: Waiter[] = [];
  private pending: StoredEvent[] = [];
  private flushScheduled = false;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly eventStore: EventStore,
    readModels: ReadModelStore,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.projections = options.projections ?? readModels.projections();
    this.retryDelayMs = options.retryDelayMs ?? 1000;
  }

  /** The position every projection has reached. */
  get position(): number {
    return this.reached;
  }

  get running(): boolean {
    return this.started;
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.subscribe();
  }

  async stop(): Promise<void> {
    this.started = false;
    this.generation++;
    this.pending = [];
    clearTimeout(this.retryTimer);
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    await this.flushing; // a batch in flight finishes (or is dropped, unprojected) before we return
  }

  /**
   * Resolves once every projection has applied the event at `position` (read-your-writes for the
   * HTTP layer); rejects with ProjectionTimeoutError after `timeoutMs`.
   */
  waitForPosition(position: number, timeoutMs: number): Promise<void> {
    if (position <= this.reached) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new ProjectionTimeoutError(position, this.reached, timeoutMs));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  private async subscribe(): Promise<void> {
    const generation = ++this.generation;
    const checkpoints = await Promise.all(this.projections.map((p) => p.checkpoint()));
    if (generation !== this.generation) return; // stopped meanwhile
    this.advanceTo(Math.min(...checkpoints, Number.MAX_SAFE_INTEGER));
    this.subscription = this.eventStore.subscribeToAll((event) => this.enqueue(event, generation), {
      fromPosition: this.reached,
      onError: (error) => this.fail(generation, error),
    });
  }

  /**
   * Events are handed over one at a time but projected together: what arrives in one turn of the event
   * loop (a page of the log, a group commit's appends) becomes one transaction per projection instead of
   * one per event. The subscription waits only when a full batch is still being projected.
   */
  private enqueue(event: StoredEvent, generation: number): Promise<void> {
    // A stopped or failed subscription may still deliver a few: they are read again from the checkpoints.
    if (generation !== this.generation) return Promise.resolve();
    this.pending.push(event);
    if (this.pending.length >= MAX_BATCH) return this.flush(generation);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        void this.flush(generation);
      });
    }
    return Promise.resolve();
  }

  /** Projects what is pending, after any batch in flight; a failure resubscribes from the checkpoints. */
  private flush(generation: number): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (generation !== this.generation) return;
      const batch = this.pending;
      this.pending = [];
      if (batch.length === 0) return;
      try {
        for (const projection of this.projections) await projection.handle(batch);
        this.advanceTo(batch[batch.length - 1].position);
      } catch (error) {
        this.fail(generation, error);
      }
    });
    return this.flushing;
  }

  private advanceTo(position: number): void {
    if (position === Number.MAX_SAFE_INTEGER || position < this.reached) return;
    this.reached = position;
    const due = this.waiters.filter((w) => w.position <= position);
    if (due.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.position > position);
    for (const waiter of due) waiter.resolve();
  }

  /** Once per subscription: report, let the failed subscription wind down, resubscribe from the checkpoints. */
  private fail(generation: number, error: unknown): void {
    if (generation !== this.generation || !this.started) return;
    this.generation++;
    this.pending = [];
    this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
    // Not awaited: we may be inside the subscription's own handler, which stop() waits for.
    void this.subscription?.stop().catch(() => undefined);
    this.subscription = undefined;
    this.retryTimer = setTimeout(() => {
      if (this.started) void this.subscribe().catch((e) => this.fail(this.generation, e));
    }, this.retryDelayMs);
  }
}
