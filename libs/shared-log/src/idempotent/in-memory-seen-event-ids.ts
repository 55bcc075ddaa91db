import type { SeenEventIds } from '../port/seen-event-ids.port';

export const DEFAULT_IN_MEMORY_SEEN_CAPACITY = 100_000;

/**
 * Remembers the last `capacity` ids (oldest forgotten first). Bounded because redeliveries reach only a
 * short way back: a relay re-sends at most the batch it had not checkpointed, a consumer re-reads at most
 * what it had not committed. Lost on restart, so it fits consumers that rebuild from the beginning
 * anyway (in-memory projections); a consumer that resumes from committed offsets after a restart
 * needs the SQLite store, or it handles the last uncommitted events twice.
 */
export class InMemorySeenEventIds implements SeenEventIds {
  // A Set iterates in insertion order: its first element is the oldest id.
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = DEFAULT_IN_MEMORY_SEEN_CAPACITY) {
    if (!Number.isSafeInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
  }

  async has(eventId: string): Promise<boolean> {
    return this.ids.has(eventId);
  }

  async add(eventId: string): Promise<void> {
    if (this.ids.has(eventId)) return;
    this.ids.add(eventId);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
  }

  get size(): number {
    return this.ids.size;
  }

  async close(): Promise<void> {}
}
