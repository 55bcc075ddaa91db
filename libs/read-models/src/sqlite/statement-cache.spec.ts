import Database from 'better-sqlite3';
import { StatementCache } from './statement-cache';

describe('StatementCache', () => {
  it('prepares a text once, starts over beyond its bound, and follows a table dropped and made again', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x INTEGER)');
    const cache = new StatementCache(db, 2);
    const count = 'SELECT COUNT(*) AS n FROM t';
    const first = cache.prepare<[], { n: number }>(count);
    expect(cache.prepare(count)).toBe(first);

    cache.prepare('SELECT 1');
    cache.prepare('SELECT 2'); // the third text: the cache started over
    expect(cache.prepare(count)).not.toBe(first);

    db.exec('DROP TABLE t; CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2)');
    expect(cache.prepare<[], { n: number }>(count).get()?.n).toBe(2);
    db.close();
  });
});
