import { InvalidRequestError } from '@nrm/common';
import type { StoredEvent } from '@nrm/event-store/port';
import type { Principal } from '@nrm/iam/roles';
import { caseDetailsAfterEach, emptyCaseDetail } from '@nrm/read-models';
import type { CaseViews } from '../case-views.service';
import { NotThenError } from './as-of';
import { MAX_CHANGES_PER_ANSWER } from './case-changes';
import type { CaseTimelines } from './case-timeline';
import { PastCaseViews } from './past-case-views.service';

const caseId = '7d1e2a4b-5d6f-4a7b-8c9d-0e1f2a3b4c5d';
const auditor = { userId: 'a-1', role: 'auditor' } as Principal;

/** A case of `count` events (unknown types: each only moves the revision). */
function pastViews(count: number): PastCaseViews {
  const events = Array.from(
    { length: count },
    (_, revision) =>
      ({
        type: 'SomethingElse',
        schemaVersion: 1,
        revision,
        occurredAt: '2026-01-05T10:00:00.000Z',
        actor: { userId: 'u-1', role: 'case_manager', agency: 'ngo' },
        data: {},
        streamId: `case-${caseId}`,
      }) as unknown as StoredEvent,
  );
  const timelines = {
    load: async () => ({
      live: emptyCaseDetail(caseId, '2026-01-05T10:00:00.000Z'),
      events,
      views: caseDetailsAfterEach(caseId, events),
    }),
  } as unknown as CaseTimelines;
  return new PastCaseViews(timelines, {} as CaseViews);
}

describe('PastCaseViews.changes: the range', () => {
  it(`pages the whole history by ${MAX_CHANGES_PER_ANSWER} events, naming where the next page starts`, async () => {
    const past = pastViews(MAX_CHANGES_PER_ANSWER + 20);
    const first = await past.changes(caseId, auditor, {});
    expect(first.items).toHaveLength(MAX_CHANGES_PER_ANSWER);
    expect(first).toMatchObject({ to: MAX_CHANGES_PER_ANSWER - 1, next: MAX_CHANGES_PER_ANSWER - 1 });
    const rest = await past.changes(caseId, auditor, { from: first.next });
    expect(rest.items.map((item) => item.revision)).toEqual(
      Array.from({ length: 20 }, (_, i) => MAX_CHANGES_PER_ANSWER + i),
    );
    expect(rest.next).toBeUndefined();
  });

  it('refuses more than the limit and to before from (invalid request, 422), and a revision past the last (404)', async () => {
    const past = pastViews(MAX_CHANGES_PER_ANSWER + 20);
    await expect(past.changes(caseId, auditor, { to: MAX_CHANGES_PER_ANSWER })).rejects.toBeInstanceOf(
      InvalidRequestError,
    );
    await expect(past.changes(caseId, auditor, { from: 5, to: 4 })).rejects.toBeInstanceOf(
      InvalidRequestError,
    );
    await expect(past.changes(caseId, auditor, { to: MAX_CHANGES_PER_ANSWER + 20 })).rejects.toBeInstanceOf(
      NotThenError,
    );
    expect((await past.changes(caseId, auditor, { from: 3, to: 3 })).items).toEqual([]);
  });

  it('lists an event that changes no field with an empty list of changes', async () => {
    const { items } = await pastViews(2).changes(caseId, auditor, { from: 0 });
    expect(items).toEqual([
      {
        revision: 1,
        occurredAt: '2026-01-05T10:00:00.000Z',
        actor: { userId: 'u-1', role: 'case_manager', agency: 'ngo' },
        type: 'SomethingElse',
        changes: [],
      },
    ]);
  });
});
