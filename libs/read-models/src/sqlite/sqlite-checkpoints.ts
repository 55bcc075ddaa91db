import type Database from 'better-sqlite3';

/** Checkpoints live in the read model database so they commit with the changes they describe. */
export class SqliteCheckpoints {
  constructor(private readonly db: Database.Database) {}

  read(projection: string): number {
    const row = this.db
      .prepare<[string], { position: number }>(
        'SELECT position FROM projection_checkpoints WHERE projection = ?',
      )
      .get(projection);
    return row?.position ?? 0;
  }

  write(projection: string, position: number): void {
    this.db
      .prepare(
        `INSERT INTO projection_checkpoints (projection, position) VALUES (?, ?)
         ON CONFLICT (projection) DO UPDATE SET position = excluded.position`,
      )
      .run(projection, position);
  }
}
