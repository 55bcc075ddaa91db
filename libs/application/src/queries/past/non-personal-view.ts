import type { CaseDetail } from '@nrm/read-models';
import { meetingsWithoutPersonal } from '../meetings-view';
import { wishesWithoutPersonal } from '../wishes-view';

/**
 * The case view as compared for GET /api/cases/:id/changes: every non-personal field, without the
 * person, the guardian's name, the personal parts of the wishes and family members' names (ciphertext, never diffed nor shown), and without `revision`,
 * `updatedAt` and `actors`, which events move and each change names already (who, when).
 */
export function nonPersonalView(detail: CaseDetail): Record<string, unknown> {
  const {
    person: _person,
    revision: _revision,
    updatedAt: _updatedAt,
    actors: _actors,
    // Internal to the scope's fold (which agencies came in under consent): never part of an answer.
    agenciesByConsent: _byConsent,
    guardian,
    wishes,
    family,
    meetings,
    ...facts
  } = detail;
  const withWishes = wishes ? { ...facts, wishes: wishesWithoutPersonal(wishes) } : facts;
  // The meetings' decisions are ciphertext under the victim's key, like the wishes' words.
  const rest = meetings ? { ...withWishes, meetings: meetingsWithoutPersonal(meetings) } : withWishes;
  // Family members' names and their guardians' names are ciphertext under each member's key, like the person's.
  const withFamily = family
    ? {
        ...rest,
        family: {
          ...family,
          members: family.members.map(({ person: _memberPerson, guardian: memberGuardian, ...member }) => {
            if (!memberGuardian) return member;
            const { name: _memberGuardianName, ...memberGuardianFacts } = memberGuardian;
            return { ...member, guardian: memberGuardianFacts };
          }),
        },
      }
    : rest;
  if (!guardian) return withFamily;
  const { name: _name, ...guardianFacts } = guardian;
  return { ...withFamily, guardian: guardianFacts };
}
