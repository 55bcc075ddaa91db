import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { masterKeyId, MasterKey, MasterKeyError } from '../master-key';
import { describeKeyStoreContract } from '../testing/key-store.contract';
import { SqliteKeyStore } from './sqlite-key-store';

function newMasterKey(): MasterKey {
  const key = randomBytes(32);
  return { key, id: masterKeyId(key) };
}

describe('SqliteKeyStore', () => {
  let dir: string;
  let file: string;
  const masterKey = newMasterKey();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nrm-keys-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describeKeyStoreContract(
    'SqliteKeyStore',
    () => {
      file = join(dir, `${randomUUID()}.sqlite`);
      return new SqliteKeyStore({ file, masterKey });
    },
    { connectAnother: () => new SqliteKeyStore({ file, masterKey }) },
  );

  describe('on disk', () => {
    let store: SqliteKeyStore;
    let path: string;

    beforeEach(() => {
      path = join(dir, `${randomUUID()}.sqlite`);
      store = new SqliteKeyStore({ file: path, masterKey });
    });
    afterEach(() => store.close());

    /** Both files as SQLite leaves them, WAL included. */
    const fileBytes = () => [path, `${path}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p));
    const contains = (needle: Buffer) => fileBytes().some((bytes) => bytes.includes(needle));
    const wrappedKeyOf = (subjectId: string): Buffer => {
      const db = new Database(path, { readonly: true });
      try {
        return (
          db.prepare('SELECT wrapped_key FROM subject_keys WHERE subject_id = ?').get(subjectId) as {
            wrapped_key: Buffer;
          }
        ).wrapped_key;
      } finally {
        db.close();
      }
    };

    it('hands out a new person’s key only once its write-ahead log was synced to disk, off the event loop', async () => {
      // fsync through a FileHandle runs in libuv's thread pool; the store must wait for one per write.
      const probe = await fsPromises.open(path, 'r');
      const fileHandle = Object.getPrototypeOf(probe) as { sync(): Promise<void> };
      await probe.close();
      const sync = jest.spyOn(fileHandle, 'sync');
      try {
        await store.currentKey('victim:new');
        expect(sync).toHaveBeenCalledTimes(1);
        await store.currentKey('victim:new'); // known: nothing written, nothing to sync
        expect(sync).toHaveBeenCalledTimes(1);
        await store.shred('victim:new');
        expect(sync).toHaveBeenCalledTimes(2);
      } finally {
        sync.mockRestore();
      }
    });

    it('never writes a subject key in clear, neither to the database nor to its WAL', async () => {
      const keys = await Promise.all(Array.from({ length: 20 }, () => store.currentKey(randomUUID())));
      expect(fileBytes().length).toBe(2); // the WAL exists and is scanned before the checkpoint
      for (const { key } of keys) expect(contains(key)).toBe(false);

      const db = new Database(path);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      for (const { key } of keys) expect(contains(key)).toBe(false);
    });

    it('removes the wrapped key bytes from the files when shredding', async () => {
      const erased = randomUUID();
      const kept = randomUUID();
      await store.currentKey(erased);
      await store.currentKey(kept);
      const erasedWrapped = wrappedKeyOf(erased);
      const keptWrapped = wrappedKeyOf(kept);
      expect(contains(erasedWrapped)).toBe(true);

      await store.shred(erased);

      expect(contains(erasedWrapped)).toBe(false);
      expect(contains(keptWrapped)).toBe(true);
    });

    it('keeps the database readable by its owner only', () => {
      if (process.platform === 'win32') return;
      expect(statSync(path).mode & 0o077).toBe(0);
    });

    it('keeps keys across restarts, and refuses to unwrap them with another master key', async () => {
      const subjectId = randomUUID();
      const key = await store.currentKey(subjectId);
      await store.close();

      store = new SqliteKeyStore({ file: path, masterKey });
      expect((await store.currentKey(subjectId)).key.equals(key.key)).toBe(true);
      await store.close();

      // Refused at open, with a message that names both key ids, rather than at the first read.
      const wrong = newMasterKey();
      expect(() => new SqliteKeyStore({ file: path, masterKey: wrong })).toThrow(MasterKeyError);
      expect(() => new SqliteKeyStore({ file: path, masterKey: wrong })).toThrow(
        new RegExp(`master key given \\(id ${wrong.id}\\) is not the one .* \\(id ${masterKey.id}\\)`),
      );
      // Unchecked (as the rotation command opens it), the key is still refused at unwrap.
      store = new SqliteKeyStore({ file: path, masterKey: wrong, checkMasterKey: false });
      await expect(store.currentKey(subjectId)).rejects.toThrow(/wrapped with master key/);
    });

    it('detects a wrapped key that was moved to another subject', async () => {
      const a = randomUUID();
      const b = randomUUID();
      await store.currentKey(a);
      await store.currentKey(b);
      const db = new Database(path);
      db.prepare(
        `UPDATE subject_keys SET (wrapped_key, iv, tag) =
           (SELECT wrapped_key, iv, tag FROM subject_keys WHERE subject_id = ?) WHERE subject_id = ?`,
      ).run(a, b);
      db.close();
      await expect(store.currentKey(b)).rejects.toThrow(/integrity/);
    });

    it('rotates: a new current version, older versions still readable until shredded', async () => {
      const subjectId = randomUUID();
      const v1 = await store.currentKey(subjectId);
      const v2 = await store.rotate(subjectId);
      expect(v2.version).toBe(v1.version + 1);
      expect(v2.key.equals(v1.key)).toBe(false);
      expect((await store.currentKey(subjectId)).version).toBe(v2.version);
      expect((await store.findKey(subjectId, v1.version))?.key.equals(v1.key)).toBe(true);

      await store.shred(subjectId);
      expect(await store.findKey(subjectId, v1.version)).toBeUndefined();
      expect(await store.findKey(subjectId, v2.version)).toBeUndefined();
    });
  });
});
