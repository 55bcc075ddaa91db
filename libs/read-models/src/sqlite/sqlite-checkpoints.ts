import type Database from 'better-sqlite3';

/** Checkpoints live in the read model database so they commit with the changes they describe. */
export class SqliteCheckpoints {
  // Prepared once, on first use: every projected batch reads and writes a checkpoint.
  private selectStatement?: Database.Statement<[string], { position: number }>;
  private upsertStatement?: Database.Statement<[string, number]>;

  constructor(private readonly db: Database.Database) {}

  read(projection: string): number {
    this.selectStatement ??= this.db.prepare<[string], { position: number }>(
      'SELECT position FROM projection_checkpoints WHERE projection = ?',
    );
    return this.selectStatement.get(projection)?.position ?? 0;
  }

  write(projection: string, position: number): void {
    this.upsertStatement ??= this.db.prepare<[string, number]>(
      `INSERT INTO projection_checkpoints (projection, position) VALUES (?, ?)
       ON CONFLICT (projection) DO UPDATE SET position = excluded.position`,
    );
    this.upsertStatement.run(projection, position);
  }
}
