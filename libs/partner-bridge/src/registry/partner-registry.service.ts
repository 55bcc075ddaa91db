import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, InvalidRequestError, NotFoundError } from '@nrm/common';
import { PARTNER_REGISTRY_STREAM } from '@nrm/contracts';
import { EVENT_STORE, EventStore } from '@nrm/event-store/port';
import { decideAndAppend } from '@nrm/application/log/decide-and-append';
import { EventWriter } from '@nrm/application/log/event-writer';
import { actorOf } from '@nrm/application/cases/command-context';
import {
  decideRegistry,
  EMPTY_REGISTRY,
  evolveRegistry,
  PARTNER_REGISTRY_EVENT_TYPES,
  RegistryRefusal,
  type PartnerRegistryEvent,
  type RegistryCommand,
  type RegistryState,
} from '@nrm/transnational';
import { randomUUID } from 'node:crypto';
import type { Principal } from '@nrm/iam/roles';

/** The request a change belongs to, when it comes from one. */
export interface RequestTrace {
  correlationId: string;
  causationId?: string;
}

/** Who changed the registry: an admin, or the node itself (witnessing holds a partner). */
export type RegistryActor = Pick<Principal, 'userId' | 'role' | 'agency'> | { userId: string; role: 'node' };

/**
 * The partner registry, event-sourced in the node's own log (stream `partners`): every change is
 * an event, signed into the log's checkpoints like any case event, so auditors see who trusted which
 * key when. Reads fold the stream; it holds a handful of partners, so no read model is needed.
 */
@Injectable()
export class PartnerRegistryService {
  /** The state seen by the last read or change (transports ask it synchronously before each attempt). */
  latest: RegistryState = EMPTY_REGISTRY;
  private readonly listeners: ((state: RegistryState) => void)[] = [];

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writer: EventWriter,
  ) {}

  async state(): Promise<{ state: RegistryState; revision: number }> {
    const events = await this.store.readStream(PARTNER_REGISTRY_STREAM);
    const state = events
      .filter((e) => (PARTNER_REGISTRY_EVENT_TYPES as readonly string[]).includes(e.type))
      .reduce(
        (s, e) => evolveRegistry(s, { type: e.type, data: e.data } as PartnerRegistryEvent),
        EMPTY_REGISTRY,
      );
    this.remember(state);
    return { state, revision: events.length ? events[events.length - 1].revision : -1 };
  }

  /** Told whenever a read or a change finds a registry different from the last one seen. */
  onChange(listener: (state: RegistryState) => void): void {
    this.listeners.push(listener);
  }

  private remember(state: RegistryState): void {
    const changed = JSON.stringify([...this.latest.partners]) !== JSON.stringify([...state.partners]);
    this.latest = state;
    if (changed) for (const listener of this.listeners) listener(state);
  }

  /** Decides and appends a change; refusals become typed errors (invalid, not found, conflict). */
  async execute(
    command: RegistryCommand,
    actor: RegistryActor,
    trace?: RequestTrace,
  ): Promise<RegistryState> {
    const decided = await decideAndAppend<RegistryState, PartnerRegistryEvent>({
      load: () => this.state(),
      decide: ({ state }) => decideOrRefuse(command, state),
      append: (events, expected) =>
        this.writer.append(PARTNER_REGISTRY_STREAM, events, expected, {
          actor: actorOf(actor),
          correlationId: trace?.correlationId ?? randomUUID(),
          causationId: trace?.causationId,
        }),
    });
    const next = decided.events.reduce(evolveRegistry, decided.state);
    this.remember(next);
    return next;
  }
}

function decideOrRefuse(command: RegistryCommand, state: RegistryState): PartnerRegistryEvent[] {
  try {
    return decideRegistry(command, state);
  } catch (error) {
    if (!(error instanceof RegistryRefusal)) throw error;
    switch (error.kind) {
      case 'not-found':
        throw new NotFoundError(error.message);
      case 'conflict':
        throw new ConflictError(error.message);
      default:
        throw new InvalidRequestError(error.message);
    }
  }
}
