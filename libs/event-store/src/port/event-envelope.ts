/**
 * The stored form of an event, as in the design brief. Personal data never sits in `data`:
 * it travels in `personal`, encrypted with the data subject's key (see @nrm/privacy).
 */
export interface Actor {
  userId: string;
  role: string;
  agency?: string;
}

/** AES-256-GCM ciphertext of the personal fields of one event, for one data subject. */
export interface EncryptedPersonalData {
  subjectId: string;
  /** Version of the subject key that encrypted it (rotation). */
  keyVersion: number;
  /** base64 */
  iv: string;
  /** base64 */
  ciphertext: string;
  /** base64 */
  tag: string;
}

/** What a writer hands to the store. */
export interface NewEvent {
  id: string;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  nodeId: string;
  actor: Actor;
  correlationId: string;
  causationId?: string;
  data: Record<string, unknown>;
  personal?: EncryptedPersonalData;
}

/** What the store hands back: the new event plus what the store assigned. */
export interface StoredEvent extends NewEvent {
  streamId: string;
  /** 0 for a stream's first event (EventStoreDB semantics). */
  revision: number;
  /** Global position in this backend's log; only grows, never reused, never carried across backends. */
  position: number;
  recordedAt: string;
}
