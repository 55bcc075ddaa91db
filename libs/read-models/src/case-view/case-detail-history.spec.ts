import type { StoredEvent } from '@nrm/event-store/port';
import type { CaseDetail } from '../port/case-views';
import { actor, walkFromHandoverToClosure, walkToHandover } from '../testing/case-fixtures';
import { caseDetailsAfterEach } from './case-detail-history';
import { evolveCaseDetail } from './evolve-case-detail';
import { projectable } from './projectable-event';

const caseId = '3c1e2a4b-5d6f-4a7b-8c9d-0e1f2a3b4c5d';
const t0 = '2025-02-03T09:00:00.000Z';

const events: StoredEvent[] = [...walkToHandover(caseId, t0), ...walkFromHandoverToClosure(t0)].map(
  (step, revision) => ({
    id: `event-${revision}`,
    type: step.type,
    schemaVersion: step.type === 'PresumedVictimRegistered' ? 2 : 1,
    occurredAt: step.at,
    nodeId: 'node-md',
    actor: step.actor ?? actor,
    correlationId: `correlation-${revision}`,
    data: step.data,
    streamId: `case-${caseId}`,
    revision,
    position: revision + 1,
    recordedAt: step.at,
  }),
);

describe('caseDetailsAfterEach', () => {
  it('answers the view after each event, as the live projection folds them (upcast, then evolved)', () => {
    const views = caseDetailsAfterEach(caseId, events);
    expect(views).toHaveLength(events.length);
    let live: CaseDetail | undefined;
    events.forEach((event, i) => {
      live = evolveCaseDetail(live, caseId, projectable(event));
      expect(views[i]).toEqual(live);
      expect(views[i].revision).toBe(event.revision);
    });
    expect(views[0].stage).toBe('registered');
    expect(views[views.length - 1].stage).toBe('closed');
  });

  it('answers nothing for a case without events, and leaves the events as they were', () => {
    expect(caseDetailsAfterEach(caseId, [])).toEqual([]);
    const before = JSON.stringify(events);
    caseDetailsAfterEach(caseId, events);
    expect(JSON.stringify(events)).toBe(before);
  });
});
