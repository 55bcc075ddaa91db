import { SubjectKey } from './port/key-store.port';

interface Entry {
  current?: SubjectKey;
  versions: Map<number, SubjectKey>;
  expiresAt: number;
}

/**
 * Bounded LRU of subject keys with a short time-to-live: decrypting a page of cases should not
 * hit the key store once per field, yet a key shredded by another process must not stay usable for long.
 */
export class KeyCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxSubjects: number,
    private readonly ttlMs: number,
    private readonly clock: () => number,
  ) {}

  getCurrent(subjectId: string): SubjectKey | undefined {
    return this.touch(subjectId)?.current;
  }

  getVersion(subjectId: string, version: number): SubjectKey | undefined {
    return this.touch(subjectId)?.versions.get(version);
  }

  put(key: SubjectKey, asCurrent: boolean): void {
    if (this.maxSubjects <= 0) return;
    const entry: Entry = this.touch(key.subjectId) ?? {
      versions: new Map(),
      expiresAt: this.clock() + this.ttlMs,
    };
    entry.versions.set(key.version, key);
    if (asCurrent) entry.current = key;
    this.entries.delete(key.subjectId);
    this.entries.set(key.subjectId, entry);
    while (this.entries.size > this.maxSubjects) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  forget(subjectId: string): void {
    this.entries.delete(subjectId);
  }

  /** Map iteration order is insertion order: re-inserting moves the subject to the young end. */
  private touch(subjectId: string): Entry | undefined {
    const entry = this.entries.get(subjectId);
    if (!entry) return undefined;
    this.entries.delete(subjectId);
    if (entry.expiresAt <= this.clock()) return undefined;
    this.entries.set(subjectId, entry);
    return entry;
  }
}
