import { Inject, Injectable } from '@nestjs/common';
import { EVENT_CONTRACTS, upcast, validateEventPayload } from '@nrm/contracts';
import { caseAgencies } from '@nrm/domain';
import { DomainEvent } from '@nrm/domain/shared/decider';
import {
  AppendResult,
  EncryptedPersonalData,
  EVENT_STORE,
  EventStore,
  NewEvent,
  StoredEvent,
} from '@nrm/event-store/port';
import { PersonalDataCipher, SubjectErasedError } from '@nrm/privacy';
import { randomUUID } from 'node:crypto';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import { caseStreamId, subjectIdOfCase } from './case-stream';
import { CommandMetadata } from './command-metadata';

export interface CaseHistory {
  /** -1 when the case does not exist. */
  revision: number;
  /** Upcast, non-personal: deciders never need personal data, so nothing is decrypted to decide. */
  events: DomainEvent[];
  /** The agencies involved in the case (record scope), from the same events and their actors. */
  agencies: string[];
}

export class InvalidDomainEventError extends Error {}

/** Loads a case's history for the deciders and appends their decisions, encrypting personal parts. */
@Injectable()
export class CaseRepository {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly cipher: PersonalDataCipher,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
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

  async append(
    caseId: string,
    events: DomainEvent[],
    expectedRevision: number,
    occurredAt: string,
    meta: CommandMetadata,
  ): Promise<AppendResult> {
    const newEvents: NewEvent[] = [];
    for (const [index, event] of events.entries()) {
      const contract = EVENT_CONTRACTS[event.type as keyof typeof EVENT_CONTRACTS];
      // A decider that emits an event breaking its own contract is a bug: fail before anything is written.
      if (!contract) throw new InvalidDomainEventError(`${event.type}: unknown event type`);
      const errors = validateEventPayload(event.type, event.data, event.personal);
      if (errors.length) throw new InvalidDomainEventError(`${event.type}: ${JSON.stringify(errors)}`);
      newEvents.push({
        id: meta.partnerMessage?.eventId(index) ?? randomUUID(),
        type: event.type,
        schemaVersion: contract.schemaVersion,
        occurredAt,
        nodeId: this.config.nodeId,
        actor: meta.partnerMessage?.actor ?? {
          userId: meta.principal.userId,
          role: meta.principal.role,
          agency: meta.principal.agency,
        },
        correlationId: meta.correlationId,
        data: event.data as Record<string, unknown>,
        personal: event.personal ? await this.encrypt(caseId, event.personal) : undefined,
      });
    }
    return this.store.append(
      caseStreamId(caseId),
      newEvents,
      expectedRevision < 0 ? 'no_stream' : expectedRevision,
    );
  }

  /** After an erasure the subject has no key any more: personal data given later is not kept at all. */
  private async encrypt(caseId: string, personal: object): Promise<EncryptedPersonalData | undefined> {
    try {
      return await this.cipher.encrypt(subjectIdOfCase(caseId), personal);
    } catch (error) {
      if (error instanceof SubjectErasedError) return undefined;
      throw error;
    }
  }
}

export function toDomainEvent(stored: StoredEvent): DomainEvent {
  const current = upcast({ type: stored.type, schemaVersion: stored.schemaVersion, data: stored.data });
  return { type: current.type, data: current.data };
}
