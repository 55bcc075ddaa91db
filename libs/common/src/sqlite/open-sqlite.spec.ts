import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from './open-sqlite';

describe('openSqlite', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'nrm-sqlite-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const pragma = (db: ReturnType<typeof openSqlite>, name: string) => db.pragma(name, { simple: true });

  it('opens a file in WAL mode, synchronous FULL, with a 5 s busy timeout by default', () => {
    const db = openSqlite(join(dir, 'a.sqlite'));
    expect(pragma(db, 'journal_mode')).toBe('wal');
    expect(pragma(db, 'synchronous')).toBe(2);
    expect(pragma(db, 'busy_timeout')).toBe(5000);
    expect(pragma(db, 'secure_delete')).toBe(0);
    db.close();
  });

  it('takes synchronous NORMAL, another busy timeout and secure delete when asked', () => {
    const db = openSqlite(join(dir, 'a.sqlite'), {
      synchronous: 'NORMAL',
      busyTimeoutMs: 250,
      secureDelete: true,
    });
    expect(pragma(db, 'synchronous')).toBe(1);
    expect(pragma(db, 'busy_timeout')).toBe(250);
    expect(pragma(db, 'secure_delete')).toBe(1);
    db.close();
  });

  it('refuses a busy timeout that is not a non-negative integer', () => {
    expect(() => openSqlite(join(dir, 'a.sqlite'), { busyTimeoutMs: -1 })).toThrow(RangeError);
    expect(() => openSqlite(join(dir, 'a.sqlite'), { busyTimeoutMs: 1.5 })).toThrow(RangeError);
  });

  (process.platform === 'win32' ? it.skip : it)('keeps the file and its WAL owner-only', () => {
    const existing = join(dir, 'existing.sqlite');
    writeFileSync(existing, '');
    chmodSync(existing, 0o644);
    for (const file of [join(dir, 'new.sqlite'), existing]) {
      const db = openSqlite(file);
      db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
      db.close();
    }
  });

  it("opens ':memory:' without a file or WAL", () => {
    const db = openSqlite(':memory:');
    expect(pragma(db, 'journal_mode')).toBe('memory');
    expect(pragma(db, 'synchronous')).toBe(2);
    db.close();
  });
});
