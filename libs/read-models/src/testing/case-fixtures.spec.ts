import { validateEventPayload } from '@nrm/contracts/registry';
import { randomUUID } from 'node:crypto';
import { walkFromHandoverToClosure, walkToHandover } from './case-fixtures';

// The projections are tested on these walks: they must be events the contracts accept.
describe('case fixtures', () => {
  it('only hold events that satisfy the event contracts', () => {
    const t0 = '2025-01-06T09:00:00.000Z';
    for (const step of [...walkToHandover(randomUUID(), t0), ...walkFromHandoverToClosure(t0)]) {
      expect({ type: step.type, issues: validateEventPayload(step.type, step.data, step.personal) }).toEqual({
        type: step.type,
        issues: [],
      });
    }
  });
});
