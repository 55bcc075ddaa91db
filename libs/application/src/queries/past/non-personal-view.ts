import type { CaseDetail } from '@nrm/read-models';

/**
 * The case view as compared for GET /api/cases/:id/changes: every non-personal field, without the
 * person and the guardian's name (ciphertext, never diffed nor shown), and without `revision`,
 * `updatedAt` and `actors`, which events move and each change names already (who, when).
 */
export function nonPersonalView(detail: CaseDetail): Record<string, unknown> {
  const {
    person: _person,
    revision: _revision,
    updatedAt: _updatedAt,
    actors: _actors,
    guardian,
    ...rest
  } = detail;
  if (!guardian) return rest;
  const { name: _name, ...guardianFacts } = guardian;
  return { ...rest, guardian: guardianFacts };
}
