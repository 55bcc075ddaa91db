import { SqliteEventStore } from '@nrm/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeSharedLogContract } from '../testing';
import { EmbeddedSharedLogConsumer, EmbeddedSharedLogPublisher } from './embedded-shared-log';
import { SqliteCheckpointStore } from '../checkpoint/sqlite-checkpoint-store';

describeSharedLogContract(
  'embedded (the node’s own log)',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'embedded-shared-log-'));
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
    const offsets = SqliteCheckpointStore.open(join(dir, 'offsets.sqlite'));
    const consumer = new EmbeddedSharedLogConsumer(store, { offsets });
    return {
      store,
      publisher: new EmbeddedSharedLogPublisher(),
      consumer,
      dispose: async () => {
        await consumer.close();
        await store.close();
        await offsets.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  { waitMs: 10_000 },
);
