import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MasterKey } from '../master-key';
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
}

interface KeyRow {
  version: number;
  wrapped_key: Buffer;
  iv: Buffer;
  tag: Buffer;
  master_key_id: string;
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
CREATE TABLE IF NOT EXISTS shredded_subjects (
  subject_id  TEXT PRIMARY KEY,
  shredded_at TEXT NOT NULL
);`;

/**
 * Subject keys in their own SQLite file, each wrapped (AES-256-GCM) with the master key.
 * secure_delete makes SQLite zero deleted cells, and shred() truncates the WAL afterwards,
 * so a shredded key's bytes do not survive in either file.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  private readonly masterKey: MasterKey;
  private readonly now: () => Date;
  private readonly statements: ReturnType<typeof prepareStatements>;

  /** Opens <dataDir>/keys.sqlite. */
  static inDataDir(dataDir: string, masterKey: MasterKey): SqliteKeyStore {
    return new SqliteKeyStore({ file: join(dataDir, KEY_STORE_FILE), masterKey });
  }

  constructor(options: SqliteKeyStoreOptions) {
    this.masterKey = options.masterKey;
    this.now = options.now ?? (() => new Date());
    mkdirSync(dirname(options.file), { recursive: true });
    // Owner-only from the first byte; SQLite gives -wal and -shm the same mode as the main file.
    closeSync(openSync(options.file, 'a', 0o600));
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    this.db.exec(SCHEMA);
    this.statements = prepareStatements(this.db);
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
    return this.unwrap(subjectId, row);
  }

  async shred(subjectId: string): Promise<void> {
    this.db
      .transaction(() => {
        this.statements.deleteKeys.run(subjectId);
        this.statements.markShredded.run(subjectId, this.now().toISOString());
      })
      .immediate();
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
  };
}
