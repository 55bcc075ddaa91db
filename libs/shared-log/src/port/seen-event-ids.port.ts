/**
 * The event ids a consumer has already handled, to drop redeliveries. Must remember at least as far
 * back as a redelivery can reach (see the adapters' bounds).
 */
export interface SeenEventIds {
  has(eventId: string): Promise<boolean>;
  /** Called after the handler resolved for that event. */
  add(eventId: string): Promise<void>;
  close(): Promise<void>;
}
