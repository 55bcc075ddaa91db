import type Database from 'better-sqlite3';
import type { StoredEvent } from '@nrm/event-store/port';
import { projectable } from '../case-view/projectable-event';
import type { Projection } from '../port/read-model-store.port';
import { SqliteCheckpoints } from './sqlite-checkpoints';

/** What one projection does with a batch of new (upcast) events, inside the batch's transaction. */
export interface SqliteBatchApplier {
  apply(events: readonly StoredEvent[]): void;
}

/**
 * The transaction boundary for every SQLite projection: the events above the checkpoint are applied
 * and the checkpoint moved in one SQLite transaction, so a crash leaves both as they were or both new.
 */
export class SqliteProjection implements Projection {
  constructor(
    readonly name: string,
    private readonly db: Database.Database,
    private readonly checkpoints: SqliteCheckpoints,
    private readonly applier: SqliteBatchApplier,
  ) {}

  async checkpoint(): Promise<number> {
    return this.checkpoints.read(this.name);
  }

  async handle(events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    this.db
      .transaction(() => {
        let position = this.checkpoints.read(this.name);
        const fresh: StoredEvent[] = [];
        for (const event of events) {
          if (event.position <= position) continue;
          fresh.push(projectable(event));
          position = event.position;
        }
        if (fresh.length === 0) return;
        this.applier.apply(fresh);
        this.checkpoints.write(this.name, position);
      })
      .immediate();
  }
}
