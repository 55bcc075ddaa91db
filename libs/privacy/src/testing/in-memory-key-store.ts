import { randomBytes } from 'node:crypto';
import { KeyStore, SubjectErasedError, SubjectKey } from '../port/key-store.port';

/** A KeyStore for tests of other components; passes the same contract as the real adapters. */
export class InMemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, Buffer[]>();
  private readonly shredded = new Set<string>();

  async currentKey(subjectId: string): Promise<SubjectKey> {
    if (this.shredded.has(subjectId)) throw new SubjectErasedError(subjectId);
    let versions = this.keys.get(subjectId);
    if (!versions) {
      versions = [randomBytes(32)];
      this.keys.set(subjectId, versions);
    }
    return { subjectId, version: versions.length, key: Buffer.from(versions[versions.length - 1]) };
  }

  async findKey(subjectId: string, version: number): Promise<SubjectKey | undefined> {
    const key = this.keys.get(subjectId)?.[version - 1];
    return key ? { subjectId, version, key: Buffer.from(key) } : undefined;
  }

  async rotate(subjectId: string): Promise<SubjectKey> {
    await this.currentKey(subjectId);
    this.keys.get(subjectId)?.push(randomBytes(32));
    return this.currentKey(subjectId);
  }

  async shred(subjectId: string): Promise<void> {
    this.keys.get(subjectId)?.forEach((key) => key.fill(0));
    this.keys.delete(subjectId);
    this.shredded.add(subjectId);
  }

  async isShredded(subjectId: string): Promise<boolean> {
    return this.shredded.has(subjectId);
  }

  async close(): Promise<void> {}
}
