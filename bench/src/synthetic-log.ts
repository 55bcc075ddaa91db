import { subjectIdOfCase } from '@nrm/application/cases/case-repository';
import { EventWriter } from '@nrm/application/log/event-writer';
import type { EventStore } from '@nrm/event-store/port';
import type { PersonalDataCipher } from '@nrm/privacy';
import { randomUUID } from 'node:crypto';
import { walkCaseSteps } from './synthetic-cases';

export interface SyntheticLogOptions {
  /** Events to write (the last case is cut short to hit the count exactly). */
  events: number;
  /** Appends in flight at once: the store's group commit shares one transaction among them. */
  concurrency?: number;
  /** Called now and then with the events written so far. */
  onProgress?: (written: number) => void;
}

const STARTED = Date.UTC(2025, 0, 1);
const PROGRESS_EVERY = 100_000;

/**
 * Fills a log with synthetic cases walked end to end by the real deciders, written the way the node
 * writes them: through the EventWriter (contract check, schema version, envelope, personal data
 * encrypted per person), one append per command with its expected revision, many cases at once as
 * operators would (so the store's group commit shares transactions and checkpoints among them).
 */
export async function writeSyntheticLog(
  store: EventStore,
  cipher: PersonalDataCipher,
  options: SyntheticLogOptions,
): Promise<number> {
  const writer = new EventWriter(store, cipher, { now: () => new Date() }, { nodeId: 'nrm-bench' });
  let written = 0;
  let next = 0;
  let reported = 0;
  const walkOneCase = async (): Promise<boolean> => {
    const n = next++;
    const caseId = randomUUID();
    const startMs = STARTED + n * 60_000;
    const context = {
      actor: { userId: randomUUID(), role: 'case_manager', agency: 'national-nrm-office' },
      correlationId: randomUUID(),
      subjectId: subjectIdOfCase(caseId),
    };
    let revision = -1;
    for (const [k, step] of walkCaseSteps(caseId, startMs, n).entries()) {
      const events = step.slice(0, options.events - written);
      if (events.length === 0) return false;
      written += events.length;
      const occurredAt = new Date(startMs + k * 3_600_000).toISOString();
      await writer.append(`case-${caseId}`, events, revision < 0 ? 'no_stream' : revision, {
        ...context,
        occurredAt,
      });
      revision += events.length;
      if (written - reported >= PROGRESS_EVERY) {
        reported = written;
        options.onProgress?.(written);
      }
    }
    return written < options.events;
  };
  const worker = async () => {
    while (written < options.events && (await walkOneCase()));
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 16 }, worker));
  return written;
}

/** Every event of a log, in position order, a page at a time: for baselines that write the same rows. */
export async function* pagesOf(store: EventStore, pageSize = 1000) {
  for (let position = 0; ;) {
    const page = await store.readAll({ fromPosition: position, limit: pageSize });
    if (page.length === 0) return;
    yield page;
    position = page[page.length - 1].position;
  }
}
