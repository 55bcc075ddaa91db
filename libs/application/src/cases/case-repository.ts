import { Inject, Injectable } from '@nestjs/common';
import { caseStreamId, upcast } from '@nrm/contracts';
import { caseAgencies, subjectOfEvent, victimSubjectId } from '@nrm/domain';
import { DomainEvent } from '@nrm/domain/shared/decider';
import { AppendResult, EVENT_STORE, EventStore, ExpectedRevision, StoredEvent } from '@nrm/event-store/port';
import { EventToWrite, EventWriter } from '../log/event-writer';
import { actorOf } from './command-context';
import { CommandMetadata } from './command-metadata';

/**
 * The presumed victim of a case, as a data subject. A case's events are encrypted per event
 * (`subjectOfEvent` of @nrm/domain): the victim's key, or a linked family member's own.
 */
export function subjectIdOfCase(caseId: string): string {
  return victimSubjectId(caseId);
}

export interface CaseHistory {
  /** -1 when the case does not exist. */
  revision: number;
  /** Upcast, non-personal: deciders never need personal data, so nothing is decrypted to decide. */
  events: DomainEvent[];
  /** The agencies involved in the case (record scope), from the same events and their actors. */
  agencies: string[];
}

/** Loads a case's history for the deciders and appends their decisions through the event writer. */
@Injectable()
export class CaseRepository {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writer: EventWriter,
  ) {}

  async load(caseId: string): Promise<CaseHistory> {
    const stored = await this.store.readStream(caseStreamId(caseId));
    const events = stored.map(toDomainEvent);
    return {
      revision: stored.length ? stored[stored.length - 1].revision : -1,
      events,
      agencies: caseAgencies(events.map((event, i) => ({ ...event, actor: stored[i].actor }))),
    };
  }

  append(
    caseId: string,
    events: readonly EventToWrite[],
    expected: ExpectedRevision,
    occurredAt: string,
    meta: CommandMetadata,
  ): Promise<AppendResult> {
    return this.writer.append(caseStreamId(caseId), events, expected, {
      actor: meta.partnerMessage?.actor ?? actorOf(meta.principal),
      correlationId: meta.correlationId,
      causationId: meta.causationId,
      occurredAt,
      eventId: meta.partnerMessage?.eventId,
      subjectId: (event) => subjectOfEvent(caseId, event),
    });
  }
}

export function toDomainEvent(stored: StoredEvent): DomainEvent {
  const current = upcast({ type: stored.type, schemaVersion: stored.schemaVersion, data: stored.data });
  return { type: current.type, data: current.data };
}
