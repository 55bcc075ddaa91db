import { validateEventPayload } from '@nrm/contracts/registry';
import { randomUUID } from 'node:crypto';
import {
  personAtRiskWalk,
  restOfCatalogue,
  walkFromHandoverToClosure,
  walkToHandover,
} from './case-fixtures';

// The projections are tested on these walks: they must be events the contracts accept.
describe('case fixtures', () => {
  it('only hold events that satisfy the event contracts', () => {
    const t0 = '2025-01-06T09:00:00.000Z';
    const caseId = randomUUID();
    const steps = [
      ...walkToHandover(caseId, t0),
      ...restOfCatalogue(caseId, t0),
      ...walkFromHandoverToClosure(t0),
      ...personAtRiskWalk(randomUUID(), t0),
    ];
    for (const step of steps) {
      expect({ type: step.type, issues: validateEventPayload(step.type, step.data, step.personal) }).toEqual({
        type: step.type,
        issues: [],
      });
    }
  });
});
