import { Inject, Injectable } from '@nestjs/common';
import { ORGANISATION_STREAM } from '@nrm/contracts';
import {
  decideOrganisation,
  EMPTY_ORGANISATION,
  evolveOrganisation,
  isActiveAgency,
  ORGANISATION_EVENT_TYPES,
  RuleViolation,
  type OrganisationCommand,
  type OrganisationEvent,
  type OrganisationState,
} from '@nrm/domain';
import { EVENT_STORE, EventStore, type Actor } from '@nrm/event-store/port';
import type { AgencyDirectory } from '@nrm/iam/accounts/agency-directory.port';
import { randomUUID } from 'node:crypto';
import { decideAndAppend } from '../log/decide-and-append';
import { EventWriter } from '../log/event-writer';

/** The request a change belongs to, when it comes from one. */
export interface OrganisationTrace {
  correlationId: string;
  causationId?: string;
}

/**
 * The node's districts, agencies and multidisciplinary teams, event-sourced in its own log (stream
 * `organisation`), like the partner registry: every change is an event signed into the log's
 * checkpoints. Reads fold the stream (a few hundred entries at most), so no read model is needed.
 * The lookups are what other services call before a decider: a user's agency, the agencies a case
 * command names, the district a case is registered in.
 */
@Injectable()
export class OrganisationRegistry implements AgencyDirectory {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writer: EventWriter,
  ) {}

  async state(): Promise<{ state: OrganisationState; revision: number }> {
    const events = await this.store.readStream(ORGANISATION_STREAM);
    const state = events
      .filter((e) => (ORGANISATION_EVENT_TYPES as readonly string[]).includes(e.type))
      .reduce(
        (s, e) => evolveOrganisation(s, { type: e.type, data: e.data } as OrganisationEvent),
        EMPTY_ORGANISATION,
      );
    return { state, revision: events.length ? events[events.length - 1].revision : -1 };
  }

  /** Decides and appends a change; refusals are the decider's (RuleViolation, NotFoundError). */
  async execute(
    command: OrganisationCommand,
    actor: Actor,
    trace?: OrganisationTrace,
  ): Promise<OrganisationState> {
    const decided = await decideAndAppend<OrganisationState, OrganisationEvent>({
      load: () => this.state(),
      decide: ({ state }) => decideOrganisation(command, state),
      append: (events, expected) =>
        this.writer.append(ORGANISATION_STREAM, events, expected, {
          actor,
          correlationId: trace?.correlationId ?? randomUUID(),
          causationId: trace?.causationId,
        }),
    });
    return decided.events.reduce(evolveOrganisation, decided.state);
  }

  /** True when the registry holds the agency and it is active. */
  async isKnownAgency(code: string): Promise<boolean> {
    return isActiveAgency((await this.state()).state, code);
  }

  /** Refuses (422 `unknown-agency`) when any of the codes is not a registered, active agency. */
  async requireKnownAgencies(codes: Iterable<string>): Promise<void> {
    const wanted = [...new Set(codes)];
    if (wanted.length === 0) return;
    const { state } = await this.state();
    const unknown = wanted.filter((code) => !isActiveAgency(state, code));
    if (unknown.length > 0)
      throw new RuleViolation(
        'unknown-agency',
        `Not a registered active agency of this node: ${unknown.join(', ')}`,
      );
  }

  /** Refuses (422 `unknown-district`) a district the registry does not hold. */
  async requireKnownDistrict(code: string): Promise<void> {
    if (!(await this.state()).state.districts.has(code))
      throw new RuleViolation('unknown-district', `Not a registered district of this node: ${code}`);
  }

  /**
   * The district a new case is registered in: the one asked for, which must be registered (else 422
   * `unknown-district`), or else the district of the registering user's agency, if it has one.
   */
  async districtForRegistration(
    requested: string | undefined,
    agency: string | undefined,
  ): Promise<string | undefined> {
    if (requested === undefined) return this.districtOfAgency(agency);
    await this.requireKnownDistrict(requested);
    return requested;
  }

  /**
   * What a team meeting names: its agencies must be registered and active (422 `unknown-agency`), and
   * its team, when named, a team of the registry (422 `invalid-request`: no rule of its own for a team).
   */
  async requireKnownMeeting(agencies: readonly string[], teamId: string | undefined): Promise<void> {
    await this.requireKnownAgencies(agencies);
    if (teamId !== undefined && !(await this.state()).state.teams.has(teamId))
      throw new RuleViolation('invalid-request', `Not a registered team of this node: ${teamId}`);
  }

  /** The district of an agency, when the registry holds it. */
  async districtOfAgency(code: string | undefined): Promise<string | undefined> {
    if (code === undefined) return undefined;
    return (await this.state()).state.agencies.get(code)?.district;
  }
}

/** The provider agencies a plan names (a planned service may have none yet). */
export function providersOf(services: readonly { provider?: string }[]): string[] {
  return services.flatMap((service) => (service.provider === undefined ? [] : [service.provider]));
}
