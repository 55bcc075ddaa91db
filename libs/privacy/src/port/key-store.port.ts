/**
 * One AES-256 key per data subject. Erasing a subject means shredding its keys:
 * every ciphertext made with them, in every copy of the log, becomes unreadable.
 * Every adapter (embedded SQLite, external KMS) must pass the shared contract suite.
 */
export interface SubjectKey {
  subjectId: string;
  version: number;
  /** 32 raw bytes. */
  key: Buffer;
}

export interface KeyStore {
  /** The subject's current key, created on first use. Throws SubjectErasedError if shredded. */
  currentKey(subjectId: string): Promise<SubjectKey>;
  /** A given key version, or undefined if the subject was shredded or never had one. */
  findKey(subjectId: string, version: number): Promise<SubjectKey | undefined>;
  /** Destroys every key of the subject; idempotent. */
  shred(subjectId: string): Promise<void>;
  isShredded(subjectId: string): Promise<boolean>;
  close(): Promise<void>;
}

export class SubjectErasedError extends Error {
  constructor(readonly subjectId: string) {
    super(`personal data of subject ${subjectId} has been erased`);
    this.name = 'SubjectErasedError';
  }
}

export const KEY_STORE = Symbol('KEY_STORE');
