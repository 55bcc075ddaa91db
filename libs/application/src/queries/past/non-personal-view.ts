import type { CaseDetail } from '@nrm/read-models';

/**
 * The case view as compared for GET /api/cases/:id/changes: every non-personal field, without the
 * person and the guardian's name, nor family members' (ciphertext, never diffed nor shown), and without `revision`,
 * `updatedAt` and `actors`, which events move and each change names already (who, when).
 */
export function nonPersonalView(detail: CaseDetail): Record<string, unknown> {
  const {
    person: _person,
    revision: _revision,
    updatedAt: _updatedAt,
    actors: _actors,
    guardian,
    family,
    ...rest
  } = detail;
  // Family members' names and their guardians' names are ciphertext under each member's key, like the person's.
  const withFamily = family
    ? {
        ...rest,
        family: {
          ...family,
          members: family.members.map(({ person: _memberPerson, guardian: memberGuardian, ...member }) => {
            if (!memberGuardian) return member;
            const { name: _memberGuardianName, ...facts } = memberGuardian;
            return { ...member, guardian: facts };
          }),
        },
      }
    : rest;
  if (!guardian) return withFamily;
  const { name: _name, ...guardianFacts } = guardian;
  return { ...withFamily, guardian: guardianFacts };
}
