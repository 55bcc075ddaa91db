import { accessStreamOf, latestSchemaVersion, PERSONAL_DATA_ACCESSED } from '@nrm/contracts';
import type { NewEvent, StoredEvent } from '@nrm/event-store/port';
import { PersonalDataCipher } from '@nrm/privacy';
import { InMemoryKeyStore } from '@nrm/privacy/testing';
import { randomUUID } from 'node:crypto';
import { walkCase } from './synthetic-cases';

/**
 * A log as a store would hand it back, built in memory: each case's walk (real deciders, personal
 * data encrypted), then one read of that person's data (the access log), at positions 1..count.
 * No event store is involved, so a read model bench measures the read models alone.
 */
export async function syntheticLog(count: number): Promise<StoredEvent[]> {
  const cipher = new PersonalDataCipher(new InMemoryKeyStore());
  const log: StoredEvent[] = [];
  const recordedAt = new Date().toISOString();
  const actor = { userId: randomUUID(), role: 'case_manager', agency: 'national-nrm-office' };
  const store = (streamId: string, revision: number, event: NewEvent) => {
    if (log.length < count) log.push({ ...event, streamId, revision, position: log.length + 1, recordedAt });
  };
  for (let n = 0; log.length < count; n++) {
    const caseId = randomUUID();
    const walk = walkCase(caseId, Date.UTC(2025, 0, 1) + n * 60_000, n);
    for (const [revision, e] of walk.entries()) {
      store(`case-${caseId}`, revision, {
        id: randomUUID(),
        type: e.type,
        schemaVersion: latestSchemaVersion(e.type),
        occurredAt: new Date().toISOString(),
        nodeId: 'nrm-bench',
        actor,
        correlationId: randomUUID(),
        data: e.data as Record<string, unknown>,
        personal: e.personal ? await cipher.encrypt(`victim:${caseId}`, e.personal) : undefined,
      });
    }
    store(accessStreamOf(caseId), 0, {
      id: randomUUID(),
      type: PERSONAL_DATA_ACCESSED,
      schemaVersion: 1,
      occurredAt: new Date().toISOString(),
      nodeId: 'nrm-bench',
      actor,
      correlationId: randomUUID(),
      data: { caseId, purpose: 'assistance', channel: 'api' },
    });
  }
  return log;
}
