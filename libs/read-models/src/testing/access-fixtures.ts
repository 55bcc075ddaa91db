import { randomUUID } from 'node:crypto';
import type { Actor, AppendResult, EventStore, NewEvent } from '@nrm/event-store/port';
import { ACCESS_STREAM_PREFIX, PERSONAL_DATA_ACCESSED } from '@nrm/contracts';

export interface Access {
  caseId: string;
  actor: Actor;
  purpose: string;
  at: string;
  channel?: string;
}

/** A read of personal data as the application's AccessLog records it. */
export function accessEvent(access: Access): NewEvent {
  return {
    id: randomUUID(),
    type: PERSONAL_DATA_ACCESSED,
    schemaVersion: 1,
    occurredAt: access.at,
    nodeId: 'node-md',
    actor: access.actor,
    correlationId: randomUUID(),
    data: { caseId: access.caseId, purpose: access.purpose, channel: access.channel ?? 'api' },
  };
}

export function recordAccess(store: EventStore, access: Access): Promise<AppendResult> {
  return store.append(`${ACCESS_STREAM_PREFIX}${access.caseId}`, [accessEvent(access)], 'any');
}
