import { openSqlite } from '@nrm/common/sqlite/open-sqlite';
import { WalFileSync } from '@nrm/common/sqlite/wal-file-sync';
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MasterKey, MasterKeyError } from '../master-key';
import { KeyStore, SubjectErasedError, SubjectKey } from '../port/key-store.port';
import { unwrapKey, wrapKey } from './key-wrapping';

export const KEY_STORE_FILE = 'keys.sqlite';

export interface SqliteKeyStoreOptions {
  /** Path of the key database; keep it apart from the event store and read models. */
  file: string;
  masterKey: MasterKey;
  /** Milliseconds to wait on a lock held by another process. Default 5000. */
  busyTimeoutMs?: number;
  now?: () => Date;
  /**
   * Default true: refuse to open when any subject key is wrapped under another master key (wrong key,
   * or an interrupted rotation), so a node never starts half-blind. Only the rotation command opens
   * the store without this check, to resume.
   */
  checkMasterKey?: boolean;
}

export interface RewrapOptions {
  /** Keys re-wrapped per transaction (default 500). */
  batchSize?: number;
  /** After each committed batch: keys now under the new master key, and all keys. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called inside a batch's transaction after each key; an exception rolls that batch back and stops
   * the rotation. Lets tests interrupt a rotation midway in a batch, as a crash would.
   */
  afterEachKey?: () => void;
}

export interface RewrapResult {
  /** Keys re-wrapped by this call. */
  rewrapped: number;
  /** Subject keys in the store, all now under the new master key. */
  total: number;
  /** True when an interrupted rotation to the same key was resumed. */
  resumed: boolean;
}

interface KeyRow {
  version: number;
  wrapped_key: Buffer;
  iv: Buffer;
  tag: Buffer;
  master_key_id: string;
}

interface RotationRow {
  from_id: string;
  to_id: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS subject_keys (
  subject_id    TEXT    NOT NULL,
  version       INTEGER NOT NULL,
  wrapped_key   BLOB    NOT NULL,
  iv            BLOB    NOT NULL,
  tag           BLOB    NOT NULL,
  master_key_id TEXT    NOT NULL,
  created_at    TEXT    NOT NULL,
  PRIMARY KEY (subject_id, version)
);
CREATE INDEX IF NOT EXISTS subject_keys_by_master_key ON subject_keys (master_key_id);
CREATE TABLE IF NOT EXISTS shredded_subjects (
  subject_id  TEXT PRIMARY KEY,
  shredded_at TEXT NOT NULL
);
-- One row while a master key rotation is under way: which key the rows are moving from and to.
CREATE TABLE IF NOT EXISTS master_key_rotation (
  singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
  from_id    TEXT NOT NULL,
  to_id      TEXT NOT NULL,
  started_at TEXT NOT NULL
);`;

/**
 * Subject keys in their own SQLite file, each wrapped (AES-256-GCM) with the master key.
 * secure_delete makes SQLite zero deleted cells, and shred() truncates the WAL afterwards,
 * so a shredded key's bytes do not survive in either file.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  /** Replaced by rewrapAll() once every key is under the new master key. */
  private masterKey: MasterKey;
  private readonly now: () => Date;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly walSync: WalFileSync;
  /** Resolves once every commit so far is on disk. */
  private readonly durable: () => Promise<void>;

  /** Opens <dataDir>/keys.sqlite. */
  static inDataDir(dataDir: string, masterKey: MasterKey): SqliteKeyStore {
    return new SqliteKeyStore({ file: join(dataDir, KEY_STORE_FILE), masterKey });
  }

  constructor(options: SqliteKeyStoreOptions) {
    this.masterKey = options.masterKey;
    this.now = options.now ?? (() => new Date());
    mkdirSync(dirname(options.file), { recursive: true });
    // Owner-only, WAL; secure_delete overwrites the wrapped keys of shredded subjects. Commits are
    // made durable by syncing the -wal file off the event loop before a write resolves (a new person's
    // key is created while a command is answered: synchronous=FULL would stall every other request).
    this.db = openSqlite(options.file, {
      busyTimeoutMs: options.busyTimeoutMs,
      secureDelete: true,
      synchronous: 'NORMAL',
    });
    this.durable = options.file === ':memory:' ? async () => undefined : () => this.walSync.sync();
    this.walSync = new WalFileSync(`${options.file}-wal`);
    this.db.exec(SCHEMA);
    this.statements = prepareStatements(this.db);
    if (options.checkMasterKey ?? true) this.assertAllKeysUnderMasterKey();
  }

  /**
   * Master key rotation: re-wraps every subject key under `newMasterKey`, unwrapping with the key this
   * store was opened with. Resumable batches: each batch is one transaction and each row records the id
   * of the master key that wraps it, so after an interruption every row opens with one of the two keys,
   * and calling this again (same two keys) carries on where it stopped. The rotation row is removed in
   * the transaction that re-wraps the last key. Stop every process using the store first.
   */
  async rewrapAll(newMasterKey: MasterKey, options: RewrapOptions = {}): Promise<RewrapResult> {
    const oldId = this.masterKey.id;
    const newId = newMasterKey.id;
    if (newId === oldId) throw new MasterKeyError(`the new master key is the current one (id ${oldId})`);
    const batchSize = options.batchSize ?? 500;
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new RangeError('batchSize must be a positive integer');

    const resumed = this.db
      .transaction(() => {
        const rotation = this.statements.rotation.get();
        if (rotation && (rotation.from_id !== oldId || rotation.to_id !== newId)) {
          throw new MasterKeyError(
            `an interrupted rotation from master key ${rotation.from_id} to ${rotation.to_id} must be finished ` +
              `first (given: from ${oldId} to ${newId})`,
          );
        }
        const foreign = this.statements.keysNotUnder.get(oldId, newId);
        if (foreign) {
          throw new MasterKeyError(
            `subject keys are wrapped with master key ${foreign.master_key_id}, which is neither the current ` +
              `(${oldId}) nor the new one (${newId}): wrong current key?`,
          );
        }
        const already = this.statements.countUnder.get(newId)?.n ?? 0;
        if (!rotation) this.statements.startRotation.run(oldId, newId, this.now().toISOString());
        return rotation !== undefined || already > 0;
      })
      .immediate();

    const total = () => this.statements.countAll.get()?.n ?? 0;
    let done = this.statements.countUnder.get(newId)?.n ?? 0;
    let rewrapped = 0;
    options.onProgress?.(done, total());
    for (;;) {
      const count = this.db
        .transaction(() => {
          const rows = this.statements.keysUnder.all(oldId, batchSize);
          for (const row of rows) {
            const key = this.unwrap(row.subject_id, row).key;
            const wrapped = wrapKey(newMasterKey.key, row.subject_id, row.version, key);
            key.fill(0);
            this.statements.rewrap.run(
              wrapped.wrappedKey,
              wrapped.iv,
              wrapped.tag,
              newId,
              row.subject_id,
              row.version,
              oldId,
            );
            options.afterEachKey?.();
          }
          if (rows.length < batchSize) this.statements.endRotation.run();
          return rows.length;
        })
        .immediate();
      await this.durable();
      rewrapped += count;
      done += count;
      options.onProgress?.(done, total());
      if (count < batchSize) break;
    }
    this.masterKey = newMasterKey;
    // The WAL still holds page images of the keys wrapped under the old master key: fold it into the
    // main file (secure_delete zeroes what the update freed) and truncate it.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return { rewrapped, total: total(), resumed };
  }

  async currentKey(subjectId: string): Promise<SubjectKey> {
    const existing = this.latestRow(subjectId);
    if (existing) return this.unwrap(subjectId, existing);
    // IMMEDIATE takes the write lock before reading, so a concurrent shred or create
    // (from another connection or process) cannot slip in between the check and the insert.
    const row = this.db
      .transaction(() => {
        if (this.isShreddedSync(subjectId)) throw new SubjectErasedError(subjectId);
        this.insertKey(subjectId, 1);
        return this.latestRow(subjectId);
      })
      .immediate();
    if (!row) throw new Error(`subject key for ${subjectId} vanished right after creation`);
    await this.durable();
    return this.unwrap(subjectId, row);
  }

  async findKey(subjectId: string, version: number): Promise<SubjectKey | undefined> {
    const row = this.statements.keyVersion.get(subjectId, version);
    return row ? this.unwrap(subjectId, row) : undefined;
  }

  /** Starts a new key version; older versions stay readable until the subject is shredded. */
  async rotate(subjectId: string): Promise<SubjectKey> {
    const row = this.db
      .transaction(() => {
        if (this.isShreddedSync(subjectId)) throw new SubjectErasedError(subjectId);
        this.insertKey(subjectId, (this.latestRow(subjectId)?.version ?? 0) + 1);
        return this.latestRow(subjectId);
      })
      .immediate();
    if (!row) throw new Error(`subject key for ${subjectId} vanished right after rotation`);
    await this.durable();
    return this.unwrap(subjectId, row);
  }

  async shred(subjectId: string): Promise<void> {
    this.db
      .transaction(() => {
        this.statements.deleteKeys.run(subjectId);
        this.statements.markShredded.run(subjectId, this.now().toISOString());
      })
      .immediate();
    await this.durable();
    // The WAL still holds the page images from before the delete; copy the zeroed pages into
    // the main file and truncate the WAL so the old wrapped key leaves the disk files.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async isShredded(subjectId: string): Promise<boolean> {
    return this.isShreddedSync(subjectId);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Clear refusal at start, instead of a failure at the first read of an old case. */
  private assertAllKeysUnderMasterKey(): void {
    const configured = this.masterKey.id;
    const other = this.statements.keyNotUnder.get(configured);
    if (!other) return;
    const rotation = this.statements.rotation.get();
    if (rotation) {
      throw new MasterKeyError(
        `a master key rotation from ${rotation.from_id} to ${rotation.to_id} was interrupted; ` +
          'finish it with "npm run cli -- keys rotate-master" (the old key in NRM_MASTER_KEY, the new one in ' +
          'NRM_NEW_MASTER_KEY, or --generate with the key file) before starting the node',
      );
    }
    throw new MasterKeyError(
      `the master key given (id ${configured}) is not the one that wraps this node's subject keys ` +
        `(id ${other.master_key_id}); after a rotation, start with the new key`,
    );
  }

  private isShreddedSync(subjectId: string): boolean {
    return this.statements.shredded.get(subjectId) !== undefined;
  }

  private latestRow(subjectId: string): KeyRow | undefined {
    return this.statements.latestKey.get(subjectId);
  }

  /** INSERT OR IGNORE: when two writers race for the same version, the first one's key wins and both reread it. */
  private insertKey(subjectId: string, version: number): void {
    const key = randomBytes(32);
    const wrapped = wrapKey(this.masterKey.key, subjectId, version, key);
    key.fill(0);
    this.statements.insertKey.run(
      subjectId,
      version,
      wrapped.wrappedKey,
      wrapped.iv,
      wrapped.tag,
      this.masterKey.id,
      this.now().toISOString(),
    );
  }

  private unwrap(subjectId: string, row: KeyRow): SubjectKey {
    if (row.master_key_id !== this.masterKey.id) {
      throw new Error(
        `subject key ${subjectId} v${row.version} was wrapped with master key ${row.master_key_id}, ` +
          `but the configured master key is ${this.masterKey.id}`,
      );
    }
    return {
      subjectId,
      version: row.version,
      key: unwrapKey(this.masterKey.key, subjectId, row.version, {
        wrappedKey: row.wrapped_key,
        iv: row.iv,
        tag: row.tag,
      }),
    };
  }
}

const KEY_COLUMNS = 'version, wrapped_key, iv, tag, master_key_id';

function prepareStatements(db: Database.Database) {
  return {
    latestKey: db.prepare<[string], KeyRow>(
      `SELECT ${KEY_COLUMNS} FROM subject_keys WHERE subject_id = ? ORDER BY version DESC LIMIT 1`,
    ),
    keyVersion: db.prepare<[string, number], KeyRow>(
      `SELECT ${KEY_COLUMNS} FROM subject_keys WHERE subject_id = ? AND version = ?`,
    ),
    insertKey: db.prepare<[string, number, Buffer, Buffer, Buffer, string, string]>(
      `INSERT OR IGNORE INTO subject_keys (subject_id, version, wrapped_key, iv, tag, master_key_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    deleteKeys: db.prepare<[string]>('DELETE FROM subject_keys WHERE subject_id = ?'),
    markShredded: db.prepare<[string, string]>(
      'INSERT OR IGNORE INTO shredded_subjects (subject_id, shredded_at) VALUES (?, ?)',
    ),
    shredded: db.prepare<[string], { one: number }>(
      'SELECT 1 AS one FROM shredded_subjects WHERE subject_id = ?',
    ),
    keyNotUnder: db.prepare<[string], { master_key_id: string }>(
      'SELECT master_key_id FROM subject_keys WHERE master_key_id <> ? LIMIT 1',
    ),
    keysNotUnder: db.prepare<[string, string], { master_key_id: string }>(
      'SELECT master_key_id FROM subject_keys WHERE master_key_id NOT IN (?, ?) LIMIT 1',
    ),
    countUnder: db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM subject_keys WHERE master_key_id = ?',
    ),
    countAll: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM subject_keys'),
    keysUnder: db.prepare<[string, number], KeyRow & { subject_id: string }>(
      `SELECT subject_id, ${KEY_COLUMNS} FROM subject_keys WHERE master_key_id = ? LIMIT ?`,
    ),
    rewrap: db.prepare<[Buffer, Buffer, Buffer, string, string, number, string]>(
      `UPDATE subject_keys SET wrapped_key = ?, iv = ?, tag = ?, master_key_id = ?
       WHERE subject_id = ? AND version = ? AND master_key_id = ?`,
    ),
    rotation: db.prepare<[], RotationRow>('SELECT from_id, to_id FROM master_key_rotation'),
    startRotation: db.prepare<[string, string, string]>(
      'INSERT INTO master_key_rotation (singleton, from_id, to_id, started_at) VALUES (1, ?, ?, ?)',
    ),
    endRotation: db.prepare('DELETE FROM master_key_rotation'),
  };
}
