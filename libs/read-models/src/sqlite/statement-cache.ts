import type Database from 'better-sqlite3';

/**
 * Statements prepared once per SQL text: the queries are put together from the filters asked for,
 * so there are only so many texts, and preparing one per request cost more than running it. SQLite
 * prepares a statement again by itself when a rebuild changed the schema under it.
 */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    /** A bound on the texts kept: beyond it the cache starts over (filters multiply, memory must not). */
    private readonly limit = 512,
  ) {}

  prepare<P extends unknown[] | object = unknown[], R = unknown>(sql: string): Database.Statement<P, R> {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= this.limit) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement as unknown as Database.Statement<P, R>;
  }
}
