import { backoffDelay } from '@nrm/shared-log/relay/backoff';
import type { CrossBorderEnvelope } from '../envelope/cross-border-envelope';
import type { Delivery } from './partner-transport.port';
import type { OutboxMessage, SqliteOutbox } from './sqlite-outbox';

/** What one attempt to hand a message on came to. */
export type AttemptResult =
  | { final: Delivery['verdict'] }
  /** Not delivered; try again after the backoff (or after `notBefore`, epoch ms, if later). */
  | { retry: string; notBefore?: number };

/** Hands one message to its recipient (or to the transport's own log). `signal` aborts on close. */
export type Deliver = (message: OutboxMessage, signal: AbortSignal) => Promise<AttemptResult>;

export interface RetryBackoff {
  /** First wait after a failed attempt. Default 1 s. */
  initialMs?: number;
  /** Cap of the doubling waits. Default 5 min. */
  maxMs?: number;
}

export interface OutboxDispatcherOptions {
  backoff?: RetryBackoff;
  /** Recipients attempted at the same time (each has at most one message in flight). Default 8. */
  maxConcurrent?: number;
  onDelivered?: (delivery: Delivery) => Promise<void> | void;
  /**
   * Called before every attempt: returns the envelope to send this time (the bridge re-stamps the
   * sender's latest checkpoint and the consistency proof from what the recipient last received, and
   * signs again). What it returns is what `onDelivered` reports. Not stored: a retry prepares afresh.
   */
  prepare?: (envelope: CrossBorderEnvelope, recipientNodeId: string) => Promise<CrossBorderEnvelope>;
  /** Told about every failed attempt (it is retried) and every failed `onDelivered`. */
  onError?: (error: Error, message?: OutboxMessage) => void;
  random?: () => number;
}

export const DEFAULT_RETRY_BACKOFF = { initialMs: 1000, maxMs: 5 * 60 * 1000 } as const;

/**
 * Works the outbox off: per recipient only the oldest queued message is attempted, and the next one only
 * after it got a final verdict, so a recipient sees a sender's messages in the order they were queued
 * (its witnessing checks each consistency proof against the previous message's checkpoint). Recipients
 * are independent: one partner being down never delays another. A failed attempt waits with capped
 * exponential backoff and jitter; its schedule is stored, so a restarted process keeps it.
 *
 * `onDelivered` runs before the message leaves the outbox: if the process stops in between, or the
 * callback throws, the message is attempted again and the recipient answers `duplicate`, so the callback
 * sees every message at least once.
 */
export class OutboxDispatcher {
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();
  private readonly backoff: Required<RetryBackoff>;
  private readonly maxConcurrent: number;
  private loop?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  private rang = false;

  constructor(
    private readonly outbox: SqliteOutbox,
    private readonly deliver: Deliver,
    private readonly options: OutboxDispatcherOptions = {},
  ) {
    this.backoff = { ...DEFAULT_RETRY_BACKOFF, ...options.backoff };
    this.maxConcurrent = options.maxConcurrent ?? 8;
    if (!Number.isSafeInteger(this.maxConcurrent) || this.maxConcurrent < 1)
      throw new RangeError('maxConcurrent must be a positive integer');
  }

  start(): void {
    if (this.loop) throw new Error('outbox dispatcher already started');
    this.loop = this.run();
  }

  /** Look at the queue now (something was queued). */
  notify(): void {
    this.rang = true;
    this.wake?.();
  }

  /** Aborts attempts in flight (they count as failed and are retried after a restart), then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort(new Error('transport closing'));
    this.notify();
    await this.loop;
    await Promise.all(this.inFlight.values());
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      this.rang = false;
      let wakeAt = Date.now() + this.backoff.maxMs;
      try {
        const now = Date.now();
        for (const head of this.outbox.heads()) {
          if (this.inFlight.has(head.recipientNodeId)) continue;
          if (head.nextAttemptAt > now) {
            wakeAt = Math.min(wakeAt, head.nextAttemptAt);
            continue;
          }
          if (this.inFlight.size >= this.maxConcurrent) break;
          this.launch(head);
        }
      } catch (error) {
        // The outbox file failed (disk full, I/O error): look again after the first backoff step.
        this.report(error, undefined);
        wakeAt = Date.now() + this.backoff.initialMs;
      }
      if (this.rang) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.max(0, wakeAt - Date.now()));
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wake = done;
      });
      this.wake = undefined;
    }
  }

  private launch(message: OutboxMessage): void {
    const attempt = this.attempt(message).finally(() => {
      this.inFlight.delete(message.recipientNodeId);
      if (!this.stopping) this.notify();
    });
    this.inFlight.set(message.recipientNodeId, attempt);
  }

  private async attempt(message: OutboxMessage): Promise<void> {
    const attempts = message.attempts + 1;
    let result: AttemptResult;
    try {
      if (this.options.prepare)
        message = {
          ...message,
          envelope: await this.options.prepare(message.envelope, message.recipientNodeId),
        };
      result = await this.deliver(message, this.abort.signal);
    } catch (error) {
      result = { retry: error instanceof Error ? error.message : String(error) };
    }
    if ('final' in result) {
      try {
        await this.options.onDelivered?.({
          envelope: message.envelope,
          recipientNodeId: message.recipientNodeId,
          verdict: result.final,
          attempts,
        });
        this.outbox.finish(message.messageId, result.final.outcome, attempts);
        return;
      } catch (error) {
        this.report(error, message);
        result = { retry: `onDelivered failed: ${error instanceof Error ? error.message : String(error)}` };
      }
    } else {
      this.report(new Error(result.retry), message);
    }
    try {
      const delay = backoffDelay(attempts - 1, this.backoff, this.options.random);
      const nextAttemptAt = Math.max(Date.now() + delay, result.notBefore ?? 0);
      this.outbox.retryLater(message.messageId, attempts, nextAttemptAt, result.retry);
    } catch (error) {
      this.report(error, message);
    }
  }

  private report(error: unknown, message: OutboxMessage | undefined): void {
    if (!this.options.onError || this.stopping) return;
    const err = error instanceof Error ? error : new Error(String(error));
    try {
      this.options.onError(err, message);
    } catch {
      // A failing logger must not stop delivery.
    }
  }
}
