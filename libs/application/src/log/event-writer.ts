import { Inject, Injectable } from '@nestjs/common';
import { contractFor, validateEventPayload } from '@nrm/contracts';
import { CLOCK, Clock } from '@nrm/config/clock';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import {
  Actor,
  AppendResult,
  EncryptedPersonalData,
  EVENT_STORE,
  EventStore,
  ExpectedRevision,
  NewEvent,
} from '@nrm/event-store/port';
import { PersonalDataCipher, SubjectErasedError } from '@nrm/privacy';
import { randomUUID } from 'node:crypto';

/** An event as a decider or a service decides it: type, non-personal data, and personal data in clear. */
export interface EventToWrite {
  type: string;
  data: object;
  personal?: object;
}

/** Who writes, and why: the same for every event of one append. */
export interface WriteContext {
  actor: Actor;
  /** The request's correlation id (X-Correlation-Id, or one per request). */
  correlationId: string;
  /** What caused these events: the request's command id, or the partner message applied. */
  causationId?: string;
  /** When it happened; the clock's now by default. */
  occurredAt?: string;
  /** Event ids by index: partner messages derive them so that a retry writes nothing twice. */
  eventId?: (index: number) => string;
  /**
   * The data subject whose key encrypts the personal parts (required when an event has one): one for
   * the whole append, or chosen per event (a case's events: the victim, or a family member).
   */
  subjectId?: string | ((event: EventToWrite) => string);
}

/** An event that breaks its own contract is a bug of its writer: nothing is written. */
export class InvalidEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

/**
 * The only place that builds event envelopes: every event the node writes is checked against its
 * contract, carries the contract's schema version, this node's id, the actor and the request's
 * correlation and causation ids, and has its personal part encrypted for its data subject.
 */
@Injectable()
export class EventWriter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly cipher: PersonalDataCipher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NODE_CONFIG) private readonly config: Pick<NodeConfig, 'nodeId'>,
  ) {}

  async append(
    stream: string,
    events: readonly EventToWrite[],
    expected: ExpectedRevision,
    context: WriteContext,
  ): Promise<AppendResult> {
    return this.store.append(stream, await this.envelopes(events, context), expected);
  }

  /** The envelopes, checked and encrypted, ready for the store; throws before anything is written. */
  async envelopes(events: readonly EventToWrite[], context: WriteContext): Promise<NewEvent[]> {
    const occurredAt = context.occurredAt ?? this.clock.now().toISOString();
    const envelopes: NewEvent[] = [];
    for (const [index, event] of events.entries()) {
      const contract = contractFor(event.type);
      if (!contract) throw new InvalidEventError(`${event.type}: no contract for this event type`);
      const issues = validateEventPayload(event.type, event.data, event.personal);
      if (issues.length) throw new InvalidEventError(`${event.type}: ${JSON.stringify(issues)}`);
      envelopes.push({
        id: context.eventId?.(index) ?? randomUUID(),
        type: event.type,
        schemaVersion: contract.schemaVersion,
        occurredAt,
        nodeId: this.config.nodeId,
        actor: withoutUndefined(context.actor),
        correlationId: context.correlationId,
        ...(context.causationId === undefined ? {} : { causationId: context.causationId }),
        data: event.data as Record<string, unknown>,
        personal: event.personal ? await this.encrypt(event, event.personal, context) : undefined,
      });
    }
    return envelopes;
  }

  /** After an erasure the subject has no key any more: personal data given later is not kept at all. */
  private async encrypt(
    event: EventToWrite,
    personal: object,
    context: WriteContext,
  ): Promise<EncryptedPersonalData | undefined> {
    const subjectId = typeof context.subjectId === 'function' ? context.subjectId(event) : context.subjectId;
    if (!subjectId) throw new InvalidEventError(`${event.type}: personal data without a data subject`);
    try {
      return await this.cipher.encrypt(subjectId, personal);
    } catch (error) {
      if (error instanceof SubjectErasedError) return undefined;
      throw error;
    }
  }
}

function withoutUndefined(actor: Actor): Actor {
  return actor.agency === undefined
    ? { userId: actor.userId, role: actor.role }
    : { userId: actor.userId, role: actor.role, agency: actor.agency };
}
