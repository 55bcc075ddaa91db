import { EventHandler, StoredEvent, SubscribeOptions, Subscription } from '../port';

export interface SubscriptionPage {
  /** Matching events after the requested position, in position order. */
  events: StoredEvent[];
  /** Head position when the page was read (same snapshot as `events`). */
  head: number;
}

export type PageReader = (
  fromPosition: number,
  limit: number,
  typePrefixes?: string[],
) => Promise<SubscriptionPage>;

/**
 * Catch-up and live delivery as one loop: read a page after the checkpoint, hand it over one event at a
 * time, and when a short page says the head was reached, sleep until an append in this process wakes
 * us (`notify`) or the poll interval elapses (appends from other processes).
 */
export class PollingSubscription implements Subscription {
  private stopped = false;
  private notified = false;
  private wake?: () => void;
  private readonly done: Promise<void>;

  constructor(
    private readonly readPage: PageReader,
    private readonly handler: EventHandler,
    private readonly options: SubscribeOptions,
    private readonly pollIntervalMs: number,
    private readonly pageSize: number,
    onFinished: (subscription: PollingSubscription) => void,
  ) {
    this.done = this.run().finally(() => onFinished(this));
  }

  /** Something was appended: look again now rather than at the next poll. */
  notify(): void {
    this.notified = true;
    this.wake?.();
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    return this.done;
  }

  private async run(): Promise<void> {
    const { typePrefixes, onCaughtUp, onError } = this.options;
    let position = this.options.fromPosition ?? 0;
    let caughtUp = false;
    try {
      while (!this.stopped) {
        this.notified = false;
        const { events, head } = await this.readPage(position, this.pageSize, typePrefixes);
        for (const event of events) {
          if (this.stopped) return;
          await this.handler(event);
          position = event.position;
        }
        if (events.length < this.pageSize) {
          // Everything up to the head was in this page: filtered-out events need not be read again.
          position = Math.max(position, head);
          if (!caughtUp) {
            caughtUp = true;
            onCaughtUp?.();
          }
          await this.sleep();
        }
      }
    } catch (error) {
      this.stopped = true;
      onError?.(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private sleep(): Promise<void> {
    if (this.notified || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollIntervalMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }
}
