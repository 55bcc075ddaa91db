import { NotFoundError } from '@nrm/common';
import { RuleViolation, type RuleId } from '../shared/rule-violation';
import {
  decideOrganisation,
  EMPTY_ORGANISATION,
  evolveOrganisation,
  isActiveAgency,
  type OrganisationCommand,
  type OrganisationEvent,
} from './organisation';

/** given(history).when(command).then(events) / .thenRefuses(rule), over the organisation decider. */
function given(history: OrganisationEvent[] = []) {
  const state = history.reduce(evolveOrganisation, EMPTY_ORGANISATION);
  return {
    state,
    when(command: OrganisationCommand) {
      const run = () => decideOrganisation(command, state);
      return {
        then: (expected: OrganisationEvent[]) => expect(run()).toEqual(expected),
        thenRefuses(rule: RuleId) {
          let outcome: unknown;
          try {
            outcome = run();
          } catch (error) {
            outcome = error;
          }
          expect(outcome).toBeInstanceOf(RuleViolation);
          expect((outcome as RuleViolation).rule).toBe(rule);
        },
        thenNotFound: () => expect(run).toThrow(NotFoundError),
      };
    },
  };
}

const district: OrganisationEvent = {
  type: 'DistrictRegistered',
  data: { code: 'MD-CU', name: 'Chișinău', country: 'MD' },
};
const otherDistrict: OrganisationEvent = {
  type: 'DistrictRegistered',
  data: { code: 'MD-BA', name: 'Bălți', country: 'MD' },
};
const police: OrganisationEvent = {
  type: 'AgencyRegistered',
  data: { code: 'POL-CU', name: 'Police Chișinău', kind: 'police', district: 'MD-CU', country: 'MD' },
};
const ngo: OrganisationEvent = {
  type: 'AgencyRegistered',
  data: { code: 'NGO-1', name: 'La Strada', kind: 'ngo', district: 'MD-CU', country: 'MD' },
};
const team: OrganisationEvent = {
  type: 'TeamFormed',
  data: { code: 'MDT-CU', district: 'MD-CU', name: 'MDT Chișinău', members: ['POL-CU'] },
};

describe('organisation registries', () => {
  describe('districts', () => {
    it('registers a district', () =>
      given()
        .when({ type: 'RegisterDistrict', code: 'MD-CU', name: 'Chișinău', country: 'MD' })
        .then([district]));

    it('refuses a duplicate code (invalid-transition)', () =>
      given([district])
        .when({ type: 'RegisterDistrict', code: 'MD-CU', name: 'Other', country: 'MD' })
        .thenRefuses('invalid-transition'));
  });

  describe('agencies', () => {
    it('registers an agency in a registered district, with the district’s country', () =>
      given([district])
        .when({
          type: 'RegisterAgency',
          code: 'POL-CU',
          name: 'Police Chișinău',
          kind: 'police',
          district: 'MD-CU',
        })
        .then([police]));

    it('refuses an agency in an unknown district (unknown-district)', () =>
      given([district])
        .when({ type: 'RegisterAgency', code: 'POL-X', name: 'Police', kind: 'police', district: 'MD-XX' })
        .thenRefuses('unknown-district'));

    it('refuses a duplicate code (invalid-transition)', () =>
      given([district, police])
        .when({ type: 'RegisterAgency', code: 'POL-CU', name: 'Again', kind: 'police', district: 'MD-CU' })
        .thenRefuses('invalid-transition'));

    it('changes only what differs', () =>
      given([district, otherDistrict, police])
        .when({
          type: 'ChangeAgency',
          code: 'POL-CU',
          changes: { name: 'Police Chișinău', district: 'MD-BA', kind: 'police' },
        })
        .then([{ type: 'AgencyChanged', data: { code: 'POL-CU', district: 'MD-BA' } }]));

    it('refuses a change that changes nothing (invalid-request)', () =>
      given([district, police])
        .when({ type: 'ChangeAgency', code: 'POL-CU', changes: { name: 'Police Chișinău' } })
        .thenRefuses('invalid-request'));

    it('refuses a change to an unknown district (unknown-district)', () =>
      given([district, police])
        .when({ type: 'ChangeAgency', code: 'POL-CU', changes: { district: 'MD-XX' } })
        .thenRefuses('unknown-district'));

    it('refuses to change an unknown agency (unknown-agency)', () =>
      given([district])
        .when({ type: 'ChangeAgency', code: 'POL-CU', changes: { name: 'x' } })
        .thenRefuses('unknown-agency'));

    it('deactivates an agency, which leaves every team it sits on', () => {
      const history = [district, police, team];
      given(history)
        .when({ type: 'DeactivateAgency', code: 'POL-CU' })
        .then([
          { type: 'TeamMemberLeft', data: { team: 'MDT-CU', agency: 'POL-CU' } },
          { type: 'AgencyDeactivated', data: { code: 'POL-CU' } },
        ]);
      const after = given([
        ...history,
        { type: 'TeamMemberLeft', data: { team: 'MDT-CU', agency: 'POL-CU' } },
        { type: 'AgencyDeactivated', data: { code: 'POL-CU' } },
      ]).state;
      expect(isActiveAgency(after, 'POL-CU')).toBe(false);
      expect(after.teams.get('MDT-CU')?.members).toEqual([]);
    });

    it('refuses to deactivate twice (invalid-transition) or an unknown agency (unknown-agency)', () => {
      given([district, police, { type: 'AgencyDeactivated', data: { code: 'POL-CU' } }])
        .when({ type: 'DeactivateAgency', code: 'POL-CU' })
        .thenRefuses('invalid-transition');
      given([district]).when({ type: 'DeactivateAgency', code: 'POL-CU' }).thenRefuses('unknown-agency');
    });

    it('refuses to change a deactivated agency (unknown-agency)', () =>
      given([district, police, { type: 'AgencyDeactivated', data: { code: 'POL-CU' } }])
        .when({ type: 'ChangeAgency', code: 'POL-CU', changes: { name: 'x' } })
        .thenRefuses('unknown-agency'));
  });

  describe('multidisciplinary teams', () => {
    it('forms a team of registered active agencies in a registered district', () =>
      given([district, police])
        .when({
          type: 'FormTeam',
          code: 'MDT-CU',
          district: 'MD-CU',
          name: 'MDT Chișinău',
          members: ['POL-CU'],
        })
        .then([team]));

    it('refuses a team in an unknown district (unknown-district)', () =>
      given([district, police])
        .when({ type: 'FormTeam', code: 'MDT-X', district: 'MD-XX', name: 'MDT', members: [] })
        .thenRefuses('unknown-district'));

    it('refuses a member that is not a registered agency, or a deactivated one (unknown-agency)', () => {
      given([district, police])
        .when({ type: 'FormTeam', code: 'MDT-CU', district: 'MD-CU', name: 'MDT', members: ['NOPE'] })
        .thenRefuses('unknown-agency');
      given([district, police, { type: 'AgencyDeactivated', data: { code: 'POL-CU' } }])
        .when({ type: 'FormTeam', code: 'MDT-CU', district: 'MD-CU', name: 'MDT', members: ['POL-CU'] })
        .thenRefuses('unknown-agency');
    });

    it('refuses a duplicate code (invalid-transition)', () =>
      given([district, police, team])
        .when({ type: 'FormTeam', code: 'MDT-CU', district: 'MD-CU', name: 'Again', members: [] })
        .thenRefuses('invalid-transition'));

    it('lets an agency join, and leave', () => {
      given([district, police, ngo, team])
        .when({ type: 'AddTeamMember', team: 'MDT-CU', agency: 'NGO-1' })
        .then([{ type: 'TeamMemberJoined', data: { team: 'MDT-CU', agency: 'NGO-1' } }]);
      const joined = given([
        district,
        police,
        ngo,
        team,
        { type: 'TeamMemberJoined', data: { team: 'MDT-CU', agency: 'NGO-1' } },
      ]);
      expect(joined.state.teams.get('MDT-CU')?.members).toEqual(['POL-CU', 'NGO-1']);
      joined
        .when({ type: 'RemoveTeamMember', team: 'MDT-CU', agency: 'POL-CU' })
        .then([{ type: 'TeamMemberLeft', data: { team: 'MDT-CU', agency: 'POL-CU' } }]);
    });

    it('refuses a member that is not a registered active agency (unknown-agency)', () =>
      given([district, police, team])
        .when({ type: 'AddTeamMember', team: 'MDT-CU', agency: 'NGO-1' })
        .thenRefuses('unknown-agency'));

    it('refuses a member twice, and the leave of a non-member (invalid-transition)', () => {
      given([district, police, team])
        .when({ type: 'AddTeamMember', team: 'MDT-CU', agency: 'POL-CU' })
        .thenRefuses('invalid-transition');
      given([district, police, ngo, team])
        .when({ type: 'RemoveTeamMember', team: 'MDT-CU', agency: 'NGO-1' })
        .thenRefuses('invalid-transition');
    });

    it('answers not found for an unknown team', () =>
      given([district, police])
        .when({ type: 'AddTeamMember', team: 'MDT-X', agency: 'POL-CU' })
        .thenNotFound());
  });
});
