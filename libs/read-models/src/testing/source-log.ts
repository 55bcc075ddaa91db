import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@nrm/event-store';
import { PersonalDataCipher } from '@nrm/privacy';
import { InMemoryKeyStore } from '@nrm/privacy/testing';
import type { ReadModelStore } from '../port/read-model-store.port';

/** A real embedded log on a temporary file, and the cipher its personal parts are encrypted with. */
export interface SourceLog {
  dir: string;
  eventStore: SqliteEventStore;
  keyStore: InMemoryKeyStore;
  cipher: PersonalDataCipher;
  close(): Promise<void>;
}

export function openSourceLog(): SourceLog {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-source-log-'));
  const eventStore = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
  const keyStore = new InMemoryKeyStore();
  return {
    dir,
    eventStore,
    keyStore,
    cipher: new PersonalDataCipher(keyStore),
    async close() {
      await eventStore.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Hands the whole log to every projection in one batch (each skips what it holds). */
export async function projectAll(eventStore: SqliteEventStore, readModels: ReadModelStore): Promise<void> {
  const events = await eventStore.readAll({ limit: 100_000 });
  for (const projection of readModels.projections()) await projection.handle(events);
}

/** Everything the read side answers about the given cases, and the whole access log. */
export async function snapshotReadModels(readModels: ReadModelStore, caseIds: string[], now: string) {
  const list = await readModels.listCases({ page: 1, pageSize: 500, now });
  const cases = await Promise.all(
    caseIds.map(async (id) => ({
      detail: await readModels.getCase(id),
      history: await readModels.getHistory(id),
    })),
  );
  const accessLog = await readModels.accessLog({});
  const statistics = await readModels.statisticsCounts();
  return { list, cases, accessLog, statistics };
}
