import { NotFoundError } from '@nrm/common';
import type { AgencyKind } from '@nrm/contracts';
import { RuleViolation } from '../shared/rule-violation';

/**
 * The organisation registries of a node (stream `organisation`): the districts of its country, the
 * agencies that work in the referral mechanism, and the multidisciplinary team of each district (the
 * basic operational unit of a national referral system: identification, case analysis, the
 * rehabilitation and reintegration plan, the community services that are lacking, monitoring).
 * A pure decider: the caller loads the stream, decides, appends.
 */
export interface District {
  code: string;
  name: string;
  country: string;
}

export interface Agency {
  code: string;
  name: string;
  kind: AgencyKind;
  district: string;
  country: string;
  active: boolean;
}

export interface Team {
  code: string;
  district: string;
  name: string;
  /** Agency codes, in the order they joined. */
  members: string[];
}

export interface OrganisationState {
  districts: ReadonlyMap<string, District>;
  agencies: ReadonlyMap<string, Agency>;
  teams: ReadonlyMap<string, Team>;
}

export const EMPTY_ORGANISATION: OrganisationState = {
  districts: new Map(),
  agencies: new Map(),
  teams: new Map(),
};

export type OrganisationCommand =
  | { type: 'RegisterDistrict'; code: string; name: string; country: string }
  | { type: 'RegisterAgency'; code: string; name: string; kind: AgencyKind; district: string }
  | {
      type: 'ChangeAgency';
      code: string;
      changes: { name?: string; kind?: AgencyKind; district?: string };
    }
  | { type: 'DeactivateAgency'; code: string }
  | { type: 'FormTeam'; code: string; district: string; name: string; members: string[] }
  | { type: 'AddTeamMember'; team: string; agency: string }
  | { type: 'RemoveTeamMember'; team: string; agency: string };

export type OrganisationEvent =
  | { type: 'DistrictRegistered'; data: District }
  | { type: 'AgencyRegistered'; data: Omit<Agency, 'active'> }
  | {
      type: 'AgencyChanged';
      data: { code: string; name?: string; kind?: AgencyKind; district?: string };
    }
  | { type: 'AgencyDeactivated'; data: { code: string } }
  | { type: 'TeamFormed'; data: Team }
  | { type: 'TeamMemberJoined'; data: { team: string; agency: string } }
  | { type: 'TeamMemberLeft'; data: { team: string; agency: string } };

export const ORGANISATION_EVENT_TYPES = [
  'DistrictRegistered',
  'AgencyRegistered',
  'AgencyChanged',
  'AgencyDeactivated',
  'TeamFormed',
  'TeamMemberJoined',
  'TeamMemberLeft',
] as const satisfies readonly OrganisationEvent['type'][];

/** True when the registry holds the agency and it is active: the only agencies users and cases may name. */
export function isActiveAgency(state: OrganisationState, code: string): boolean {
  return state.agencies.get(code)?.active === true;
}

export function decideOrganisation(
  command: OrganisationCommand,
  state: OrganisationState,
): OrganisationEvent[] {
  switch (command.type) {
    case 'RegisterDistrict': {
      if (state.districts.has(command.code))
        throw new RuleViolation('invalid-transition', `District ${command.code} is registered already`);
      const { code, name, country } = command;
      return [{ type: 'DistrictRegistered', data: { code, name, country } }];
    }
    case 'RegisterAgency': {
      if (state.agencies.has(command.code))
        throw new RuleViolation('invalid-transition', `Agency ${command.code} is registered already`);
      const district = knownDistrict(state, command.district);
      const { code, name, kind } = command;
      return [
        {
          type: 'AgencyRegistered',
          data: { code, name, kind, district: district.code, country: district.country },
        },
      ];
    }
    case 'ChangeAgency': {
      const agency = activeAgency(state, command.code);
      const changes = Object.fromEntries(
        Object.entries(command.changes).filter(
          ([field, value]) => value !== undefined && value !== agency[field as keyof Agency],
        ),
      ) as { name?: string; kind?: AgencyKind; district?: string };
      if (Object.keys(changes).length === 0)
        throw new RuleViolation('invalid-request', `Nothing changes for agency ${command.code}`);
      if (changes.district !== undefined) knownDistrict(state, changes.district);
      return [{ type: 'AgencyChanged', data: { code: command.code, ...changes } }];
    }
    case 'DeactivateAgency': {
      const agency = state.agencies.get(command.code);
      if (!agency) throw new RuleViolation('unknown-agency', `No agency ${command.code}`);
      if (!agency.active)
        throw new RuleViolation('invalid-transition', `Agency ${command.code} is deactivated already`);
      // It leaves every team it sits on: a team's members are active agencies only.
      const leaves: OrganisationEvent[] = [...state.teams.values()]
        .filter((team) => team.members.includes(command.code))
        .map((team) => ({ type: 'TeamMemberLeft', data: { team: team.code, agency: command.code } }));
      return [...leaves, { type: 'AgencyDeactivated', data: { code: command.code } }];
    }
    case 'FormTeam': {
      if (state.teams.has(command.code))
        throw new RuleViolation('invalid-transition', `Team ${command.code} is formed already`);
      knownDistrict(state, command.district);
      const members = [...new Set(command.members)];
      for (const member of members) activeAgency(state, member);
      const { code, district, name } = command;
      return [{ type: 'TeamFormed', data: { code, district, name, members } }];
    }
    case 'AddTeamMember': {
      const team = knownTeam(state, command.team);
      activeAgency(state, command.agency);
      if (team.members.includes(command.agency))
        throw new RuleViolation(
          'invalid-transition',
          `Agency ${command.agency} is a member of team ${team.code} already`,
        );
      return [{ type: 'TeamMemberJoined', data: { team: team.code, agency: command.agency } }];
    }
    case 'RemoveTeamMember': {
      const team = knownTeam(state, command.team);
      if (!team.members.includes(command.agency))
        throw new RuleViolation(
          'invalid-transition',
          `Agency ${command.agency} is not a member of team ${team.code}`,
        );
      return [{ type: 'TeamMemberLeft', data: { team: team.code, agency: command.agency } }];
    }
  }
}

export function evolveOrganisation(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'DistrictRegistered':
      return { ...state, districts: withEntry(state.districts, event.data.code, { ...event.data }) };
    case 'AgencyRegistered':
      return {
        ...state,
        agencies: withEntry(state.agencies, event.data.code, { ...event.data, active: true }),
      };
    case 'AgencyChanged': {
      const agency = state.agencies.get(event.data.code);
      if (!agency) return state;
      const { code, ...changes } = event.data;
      const changed = { ...agency, ...changes };
      const district = changes.district ? state.districts.get(changes.district) : undefined;
      if (district) changed.country = district.country;
      return { ...state, agencies: withEntry(state.agencies, code, changed) };
    }
    case 'AgencyDeactivated': {
      const agency = state.agencies.get(event.data.code);
      if (!agency) return state;
      return { ...state, agencies: withEntry(state.agencies, agency.code, { ...agency, active: false }) };
    }
    case 'TeamFormed':
      return {
        ...state,
        teams: withEntry(state.teams, event.data.code, { ...event.data, members: [...event.data.members] }),
      };
    case 'TeamMemberJoined':
    case 'TeamMemberLeft': {
      const team = state.teams.get(event.data.team);
      if (!team) return state;
      const members =
        event.type === 'TeamMemberJoined'
          ? [...team.members, event.data.agency]
          : team.members.filter((agency) => agency !== event.data.agency);
      return { ...state, teams: withEntry(state.teams, team.code, { ...team, members }) };
    }
    default:
      return state;
  }
}

function withEntry<T>(map: ReadonlyMap<string, T>, key: string, value: T): ReadonlyMap<string, T> {
  return new Map(map).set(key, value);
}

function knownDistrict(state: OrganisationState, code: string): District {
  const district = state.districts.get(code);
  if (!district) throw new RuleViolation('unknown-district', `No district ${code}`);
  return district;
}

function activeAgency(state: OrganisationState, code: string): Agency {
  const agency = state.agencies.get(code);
  if (!agency?.active)
    throw new RuleViolation('unknown-agency', agency ? `Agency ${code} is deactivated` : `No agency ${code}`);
  return agency;
}

function knownTeam(state: OrganisationState, code: string): Team {
  const team = state.teams.get(code);
  if (!team) throw new NotFoundError(`No team ${code}`);
  return team;
}
