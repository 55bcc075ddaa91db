import { randomUUID } from 'node:crypto';
import { KeyStore, SubjectErasedError } from '../port/key-store.port';

export type KeyStoreFactory = () => KeyStore | Promise<KeyStore>;

export interface KeyStoreContractOptions {
  /** A second connection to the backing store the factory created last (e.g. the same SQLite file). */
  connectAnother?: () => KeyStore | Promise<KeyStore>;
}

/**
 * The behaviour every KeyStore adapter must show. Call it from a spec file:
 * `describeKeyStoreContract('SqliteKeyStore', () => new SqliteKeyStore({ ... }))`.
 * The factory is called once per test; the suite closes every store it got.
 */
export function describeKeyStoreContract(
  name: string,
  factory: KeyStoreFactory,
  options: KeyStoreContractOptions = {},
): void {
  describe(`KeyStore contract: ${name}`, () => {
    let store: KeyStore;
    const opened: KeyStore[] = [];
    const track = async (created: KeyStore | Promise<KeyStore>) => {
      opened.push(await created);
      return opened[opened.length - 1];
    };

    beforeEach(async () => {
      store = await track(factory());
    });

    afterEach(async () => {
      while (opened.length > 0) await opened.pop()?.close();
    });

    it('creates a 32-byte key on first use', async () => {
      const subjectId = randomUUID();
      const key = await store.currentKey(subjectId);
      expect(key.subjectId).toBe(subjectId);
      expect(key.key).toBeInstanceOf(Buffer);
      expect(key.key).toHaveLength(32);
      expect(Number.isInteger(key.version) && key.version >= 1).toBe(true);
    });

    it('returns the same key on every later call', async () => {
      const subjectId = randomUUID();
      const first = await store.currentKey(subjectId);
      const second = await store.currentKey(subjectId);
      expect(second.version).toBe(first.version);
      expect(second.key.equals(first.key)).toBe(true);
    });

    it('hands out copies: changing a returned key does not change the stored one', async () => {
      const subjectId = randomUUID();
      const first = await store.currentKey(subjectId);
      const original = Buffer.from(first.key);
      first.key.fill(0);
      expect((await store.currentKey(subjectId)).key.equals(original)).toBe(true);
    });

    it('gives different subjects different keys', async () => {
      const a = await store.currentKey(randomUUID());
      const b = await store.currentKey(randomUUID());
      expect(a.key.equals(b.key)).toBe(false);
    });

    it('finds a key by version, and nothing for an unknown version or subject', async () => {
      const subjectId = randomUUID();
      const current = await store.currentKey(subjectId);
      const found = await store.findKey(subjectId, current.version);
      expect(found?.key.equals(current.key)).toBe(true);
      expect(found?.version).toBe(current.version);
      expect(await store.findKey(subjectId, current.version + 1)).toBeUndefined();
      expect(await store.findKey(randomUUID(), 1)).toBeUndefined();
    });

    it('ends with one key when many callers ask for a new subject at once', async () => {
      const subjectId = randomUUID();
      const other = options.connectAnother ? await track(options.connectAnother()) : store;
      const keys = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? store : other).currentKey(subjectId)),
      );
      for (const key of keys) {
        expect(key.version).toBe(keys[0].version);
        expect(key.key.equals(keys[0].key)).toBe(true);
      }
    });

    it('erases a subject: no current key, no old versions, marked as shredded', async () => {
      const subjectId = randomUUID();
      const key = await store.currentKey(subjectId);
      expect(await store.isShredded(subjectId)).toBe(false);

      await store.shred(subjectId);

      expect(await store.isShredded(subjectId)).toBe(true);
      expect(await store.findKey(subjectId, key.version)).toBeUndefined();
      await expect(store.currentKey(subjectId)).rejects.toBeInstanceOf(SubjectErasedError);
      await expect(store.currentKey(subjectId)).rejects.toMatchObject({ subjectId });
    });

    it('makes a shredding visible to every connection of the same store', async () => {
      const subjectId = randomUUID();
      const other = options.connectAnother ? await track(options.connectAnother()) : store;
      const key = await other.currentKey(subjectId);
      await store.shred(subjectId);
      expect(await other.isShredded(subjectId)).toBe(true);
      expect(await other.findKey(subjectId, key.version)).toBeUndefined();
      await expect(other.currentKey(subjectId)).rejects.toBeInstanceOf(SubjectErasedError);
    });

    it('leaves other subjects alone when shredding one', async () => {
      const kept = randomUUID();
      const keptKey = await store.currentKey(kept);
      const erased = randomUUID();
      await store.currentKey(erased);
      await store.shred(erased);
      expect(await store.isShredded(kept)).toBe(false);
      expect((await store.currentKey(kept)).key.equals(keptKey.key)).toBe(true);
    });

    it('shreds idempotently, also a subject that never had a key (which then never gets one)', async () => {
      const subjectId = randomUUID();
      await store.currentKey(subjectId);
      await store.shred(subjectId);
      await expect(store.shred(subjectId)).resolves.toBeUndefined();
      expect(await store.isShredded(subjectId)).toBe(true);

      const never = randomUUID();
      await store.shred(never);
      expect(await store.isShredded(never)).toBe(true);
      await expect(store.currentKey(never)).rejects.toBeInstanceOf(SubjectErasedError);
    });
  });
}
