import type { StoredEvent } from '@nrm/event-store/port';
import { projectable } from '../case-view/projectable-event';
import type { Projection } from '../port/read-model-store.port';
import type { MongoCheckpoints } from './mongo-checkpoints';

/** What one projection writes for a batch of new (upcast) events; every write guarded by position. */
export interface MongoBatchApplier {
  apply(events: readonly StoredEvent[]): Promise<void>;
}

/**
 * Without multi-document transactions (FerretDB has none), a batch is: skip what the checkpoint
 * covers, upcast all of it (an unreadable event fails the batch before anything is written), apply
 * it with writes that each hold the position they reflect and only move forward, and only then
 * move the checkpoint. A crash in between re-applies a suffix that the position guards turn into no-ops.
 */
export class MongoProjection implements Projection {
  constructor(
    readonly name: string,
    private readonly checkpoints: MongoCheckpoints,
    private readonly applier: MongoBatchApplier,
  ) {}

  checkpoint(): Promise<number> {
    return this.checkpoints.read(this.name);
  }

  async handle(events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    let position = await this.checkpoints.read(this.name);
    const fresh: StoredEvent[] = [];
    for (const event of events) {
      if (event.position <= position) continue;
      fresh.push(projectable(event));
      position = event.position;
    }
    if (fresh.length === 0) return;
    await this.applier.apply(fresh);
    await this.checkpoints.advance(this.name, position);
  }
}
