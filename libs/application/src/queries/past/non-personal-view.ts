import type { CaseDetail } from '@nrm/read-models';
import { wishesWithoutPersonal } from '../wishes-view';

/**
 * The case view as compared for GET /api/cases/:id/changes: every non-personal field, without the
 * person, the guardian's name and the personal parts of the wishes (ciphertext, never diffed nor shown), and without `revision`,
 * `updatedAt` and `actors`, which events move and each change names already (who, when).
 */
export function nonPersonalView(detail: CaseDetail): Record<string, unknown> {
  const {
    person: _person,
    revision: _revision,
    updatedAt: _updatedAt,
    actors: _actors,
    guardian,
    wishes,
    ...facts
  } = detail;
  const rest = wishes ? { ...facts, wishes: wishesWithoutPersonal(wishes) } : facts;
  if (!guardian) return rest;
  const { name: _name, ...guardianFacts } = guardian;
  return { ...rest, guardian: guardianFacts };
}
