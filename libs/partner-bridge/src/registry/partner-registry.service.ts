import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, WrongExpectedRevisionError } from '@nrm/event-store/port';
import {
  decideRegistry,
  EMPTY_REGISTRY,
  evolveRegistry,
  PARTNER_REGISTRY_EVENT_TYPES,
  PARTNER_REGISTRY_STREAM,
  RegistryRefusal,
  type PartnerRegistryEvent,
  type RegistryCommand,
  type RegistryState,
} from '@nrm/transnational';
import { randomUUID } from 'node:crypto';
import type { Principal } from '@nrm/iam/roles';
import { CLOCK, Clock } from '@nrm/config/clock';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import { ProblemException } from '@nrm/http/problem';

const MAX_ATTEMPTS = 3;

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
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
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

  /** Decides and appends a change; refusals become 400 / 404 / 409 problems. */
  async execute(command: RegistryCommand, actor: RegistryActor): Promise<RegistryState> {
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.state();
      let events: PartnerRegistryEvent[];
      try {
        events = decideRegistry(command, state);
      } catch (error) {
        throw error instanceof RegistryRefusal ? toProblem(error) : error;
      }
      if (events.length === 0) return state;
      const at = this.clock.now().toISOString();
      try {
        await this.store.append(
          PARTNER_REGISTRY_STREAM,
          events.map((event) => ({
            id: randomUUID(),
            type: event.type,
            schemaVersion: 1,
            occurredAt: at,
            nodeId: this.config.nodeId,
            actor: {
              userId: actor.userId,
              role: actor.role,
              agency: 'agency' in actor ? actor.agency : undefined,
            },
            correlationId: randomUUID(),
            data: event.data as unknown as Record<string, unknown>,
          })),
          revision < 0 ? 'no_stream' : revision,
        );
        const next = events.reduce(evolveRegistry, state);
        this.remember(next);
        return next;
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  }
}

function toProblem(refusal: RegistryRefusal): ProblemException {
  switch (refusal.kind) {
    case 'not-found':
      return ProblemException.notFound(refusal.message);
    case 'conflict':
      return ProblemException.conflict(refusal.message);
    default:
      return ProblemException.badRequest(refusal.message);
  }
}
