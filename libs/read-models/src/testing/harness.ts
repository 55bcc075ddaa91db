import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@nrm/event-store';
import { PersonalDataCipher } from '@nrm/privacy';
import { InMemoryKeyStore } from '@nrm/privacy/testing';
import { SqliteReadModelStore } from '../sqlite/sqlite-read-model-store';
import { projectAll } from './source-log';

/** A real embedded event store and read model store on temporary files; `readModels` may be swapped (reopened). */
export interface Harness {
  dir: string;
  readModelFile: string;
  eventStore: SqliteEventStore;
  readModels: SqliteReadModelStore;
  keyStore: InMemoryKeyStore;
  cipher: PersonalDataCipher;
  /** Applies everything in the log that the projections do not hold yet, in one batch. */
  project(): Promise<void>;
  close(): Promise<void>;
}

export function openHarness(): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-read-models-'));
  const readModelFile = join(dir, 'read-models.sqlite');
  const eventStore = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
  const readModels = new SqliteReadModelStore({ file: readModelFile });
  const keyStore = new InMemoryKeyStore();
  const harness: Harness = {
    dir,
    readModelFile,
    eventStore,
    readModels,
    keyStore,
    cipher: new PersonalDataCipher(keyStore),
    project: () => projectAll(harness.eventStore, harness.readModels),
    async close() {
      await harness.readModels.close();
      await eventStore.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
