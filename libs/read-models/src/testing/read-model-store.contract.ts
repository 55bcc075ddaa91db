import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '@nrm/event-store/port';
import { PROJECTION_NAMES } from '../case-view/projection-names';
import { emptyCaseloadSummary } from '../case-view/caseload-summary';
import { revealPersonalData } from '../case-view/reveal-personal-data';
import type { AccessLogEntry } from '../port/access-log-entry';
import {
  CASE_STAGES,
  type CaseListQuery,
  type CaseListSort,
  type CaseloadQuery,
  type CaseStage,
  type SortOrder,
} from '../port/case-views';
import type { ReadModelStore } from '../port/read-model-store.port';
import type { ReadModelRow } from '../port/read-model-row';
import { SqliteReadModelStore } from '../sqlite/sqlite-read-model-store';
import { ProjectionRunner } from '../projection-runner';
import { rebuildProjections } from '../rebuild';
import { accessEvent, recordAccess } from './access-fixtures';
import {
  actor,
  appendInterleavedWalks,
  day,
  personAtRiskWalk,
  record,
  registration,
  Step,
  walkFromHandoverToClosure,
  walkToHandover,
} from './case-fixtures';
import { openSourceLog, projectAll, snapshotReadModels, SourceLog } from './source-log';
import { STATISTICS_WALK_FACTS, statisticsWalk } from './statistics-fixtures';

export interface ReadModelStoreUnderTest {
  /** An empty store of its own (no other test's data). */
  store: ReadModelStore;
  /**
   * Test seam: sets a projection's checkpoint back to `position` while its data stays as it is —
   * the state a crash after a batch's writes but before its checkpoint write would leave (an
   * adapter that commits both together can simply write the checkpoint).
   */
  rewindCheckpoint(projection: string, position: number): Promise<void>;
  dispose(): Promise<void>;
}

const T0 = '2025-01-06T09:00:00.000Z';

/**
 * What every adapter of the ReadModelStore port must do, fed from a real embedded log. Positions
 * start at 1 there, since every test gets a log of its own.
 */
export function describeReadModelStoreContract(
  adapterName: string,
  factory: () => Promise<ReadModelStoreUnderTest>,
): void {
  describe(`ReadModelStore contract: ${adapterName}`, () => {
    let log: SourceLog;
    let store: ReadModelStore;
    let underTest: ReadModelStoreUnderTest;

    beforeEach(async () => {
      log = openSourceLog();
      underTest = await factory();
      store = underTest.store;
    });
    afterEach(async () => {
      await underTest?.dispose();
      await log?.close();
    });

    const project = () => projectAll(log.eventStore, store);
    const append = (caseId: string, steps: Step[]) => record(log.eventStore, log.cipher, caseId, steps);
    const access = (caseId: string, who: Actor, purpose: string, days: number, channel?: string) =>
      recordAccess(log.eventStore, { caseId, actor: who, purpose, at: day(T0, days), channel });

    describe('people at risk, apart from presumed victims', () => {
      const victim = randomUUID();
      const atRisk = randomUUID();
      const converted = randomUUID();
      beforeEach(async () => {
        await append(victim, walkToHandover(victim, T0));
        await append(atRisk, personAtRiskWalk(atRisk, day(T0, 1), { convert: false }));
        await append(converted, personAtRiskWalk(converted, day(T0, 2)));
        await project();
      });
      const now = day(T0, 200);

      it('lists each case with its kind and filters on it (a converted case is a presumed victim’s)', async () => {
        const ids = async (kind?: 'presumed_victim' | 'person_at_risk') =>
          (await store.listCases({ page: 1, pageSize: 10, now, sort: 'registeredAt', order: 'asc', kind }))
            .items;
        expect((await ids()).map((i) => [i.caseId, i.kind])).toEqual([
          [victim, 'presumed_victim'],
          [atRisk, 'person_at_risk'],
          [converted, 'presumed_victim'],
        ]);
        expect((await ids('person_at_risk')).map((i) => i.caseId)).toEqual([atRisk]);
        expect((await ids('presumed_victim')).map((i) => i.caseId)).toEqual([victim, converted]);
        expect((await ids('person_at_risk'))[0]).toMatchObject({
          citizenship: 'MD',
          registeredAt: day(T0, 1),
          presumedMinor: true,
        });
      });

      it('counts the people at risk apart in the caseload summary (within the total)', async () => {
        expect(await store.caseloadSummary({ now, dueWithinDays: 30 })).toMatchObject({
          total: 3,
          peopleAtRisk: 1,
          presumedMinors: 2,
        });
      });

      it('keeps the person at risk’s detail and, once converted, the registration it completed', async () => {
        expect(await store.getCase(atRisk)).toMatchObject({
          kind: 'person_at_risk',
          personAtRisk: { vulnerabilities: ['child_left_behind', 'family_member_of_victim'] },
        });
        expect(await store.getCase(converted)).toMatchObject({
          kind: 'presumed_victim',
          personAtRisk: { convertedAt: day(T0, 102) },
          registration: { countryOfExploitation: 'RU', registeredAt: day(T0, 2) },
        });
      });
    });

    describe('a walked case', () => {
      const caseId = randomUUID();
      beforeEach(async () => {
        await append(caseId, walkToHandover(caseId, T0));
        await project();
      });

      it('is listed with its stage, codes, dates and open deadlines', async () => {
        const now = day(T0, 35);
        const { items, total } = await store.listCases({ page: 1, pageSize: 10, now });
        expect(total).toBe(1);
        expect(items[0]).toEqual({
          caseId,
          stage: 'handover_proposed',
          kind: 'presumed_victim',
          countryOfExploitation: 'DE',
          citizenship: 'MD',
          identificationStatus: 'identified',
          presumedMinor: false,
          registeredAt: T0,
          reflectionPeriodEndsAt: day(T0, 30),
          revision: 16,
          updatedAt: day(T0, 34),
          deadlines: [
            { kind: 'handover_response', ref: 'ho-1', dueAt: day(T0, 44), overdue: false },
            // referred on day 12, unanswered: due 14 days later
            { kind: 'service_referral_response', ref: 'svc-2', dueAt: day(T0, 26), overdue: true },
            // the plan adopted on day 11, no visit yet: the next visit within the 90-day interval
            { kind: 'monitoring_visit', dueAt: day(T0, 101), overdue: false },
            // received on day 31, unanswered: due 10 days later
            { kind: 'law_enforcement_request_answer', ref: 'le-1', dueAt: day(T0, 41), overdue: false },
          ],
          overdue: true,
        });
      });

      it('has a detail view with every context and the person only as ciphertext', async () => {
        const detail = await store.getCase(caseId);
        expect(detail).toMatchObject({
          caseId,
          stage: 'handover_proposed',
          revision: 16,
          registration: {
            countryOfExploitation: 'DE',
            formsOfExploitation: ['forced_labour'],
            referralSource: 'ngo',
          },
          reflectionPeriod: { startsAt: T0, endsAt: day(T0, 30), days: 30 },
          identification: {
            status: 'identified',
            decidingBody: 'competent_authority',
            concludedAt: day(T0, 10),
          },
          consents: [
            { purpose: 'assistance', status: 'given', at: day(T0, 1) },
            { purpose: 'data_sharing', recipient: 'RO', status: 'withdrawn', at: day(T0, 2) },
          ],
          assessments: {
            needs: { needs: ['accommodation', 'medical'] },
            risks: [{ kind: 'general', level: 'medium' }],
          },
          assistancePlan: { planId: 'plan-1' },
          services: [
            { serviceId: 'svc-1', status: 'accepted', referredAt: day(T0, 11), answeredAt: day(T0, 12) },
            { serviceId: 'svc-2', status: 'referred', provider: 'CLINIC-1', referredAt: day(T0, 12) },
          ],
          return: {
            requested: { statedBy: 'victim', earlyReturnRequested: false },
            riskAssessment: { level: 'low', familyAssessed: true },
            handovers: [
              { handoverId: 'ho-1', toCountry: 'MD', status: 'proposed', responseDueAt: day(T0, 44) },
            ],
          },
          prosecution: {
            cooperation: { willing: true },
            lawEnforcementRequests: [{ requestId: 'le-1', agency: 'POLICE-DE', requestedByVictim: false }],
          },
        });
        expect(detail?.closure).toBeUndefined();
        // The registering user's agency, then the providers the plan named and a service was referred to.
        expect(detail?.agencies).toEqual(['NGO-1', 'SHELTER-1', 'CLINIC-1']);
        // Absent stays absent (not null): both adapters answer with the same objects.
        expect(JSON.stringify(detail)).not.toMatch(/:null[,}\]]/);
        expect(JSON.stringify(detail)).not.toMatch(/Ana|Ciobanu|2004-03-09|credible account/);

        const revealed = await revealPersonalData(detail!, log.cipher);
        expect(revealed.person).toEqual({
          status: 'ok',
          value: { givenName: 'Ana', familyName: 'Ciobanu', dateOfBirth: '2004-03-09' },
        });
        expect(revealed.guardianName).toEqual({ status: 'absent' });
      });

      it("reads the person as erased once the subject's key is shredded", async () => {
        await log.cipher.shred(`victim:${caseId}`);
        const revealed = await revealPersonalData((await store.getCase(caseId))!, log.cipher);
        expect(revealed.person).toEqual({ status: 'erased' });
      });

      it('has a history, oldest first, with the non-personal data only', async () => {
        const history = await store.getHistory(caseId);
        const stored = await log.eventStore.readStream(`case-${caseId}`);
        expect(history).toHaveLength(17);
        expect(history.map((e) => e.revision)).toEqual(stored.map((e) => e.revision));
        expect(history.map((e) => e.position)).toEqual(stored.map((e) => e.position));
        expect(history[0]).toEqual({
          position: stored[0].position,
          revision: 0,
          eventId: stored[0].id,
          type: 'PresumedVictimRegistered',
          occurredAt: T0,
          actor: { userId: 'u-1', role: 'case_manager', agency: 'NGO-1' },
          data: stored[0].data,
        });
        expect(history.at(-1)).toMatchObject({ type: 'HandoverProposed', data: { handoverId: 'ho-1' } });
        expect(JSON.stringify(history)).not.toContain('ciphertext');
        expect(await store.getHistory(randomUUID())).toEqual([]);
        expect(await store.getCase(randomUUID())).toBeUndefined();
      });
    });

    it('follows the stage through return to closure', async () => {
      const caseId = randomUUID();
      const stages: string[] = [];
      for (const step of [...walkToHandover(caseId, T0), ...walkFromHandoverToClosure(T0)]) {
        await append(caseId, [step]);
        await project();
        const stage = (await store.getCase(caseId))!.stage;
        if (stages.at(-1) !== stage) stages.push(stage);
      }
      expect(stages).toEqual([
        'registered',
        'identified',
        'assisted',
        'return_requested',
        'handover_proposed',
        'handover_accepted',
        'in_transit',
        'arrived',
        'received',
        'reintegration',
        'closed',
      ]);
      const detail = await store.getCase(caseId);
      expect(detail?.return.handovers[0]).toMatchObject({ status: 'received', receivingAgency: 'MD-NRM' });
      expect(detail?.closure).toEqual({ reason: 'reintegrated', closedAt: day(T0, 91) });
      // The receiving agency of the handover joins the case's agencies.
      expect(detail?.agencies).toEqual(['NGO-1', 'SHELTER-1', 'CLINIC-1', 'MD-NRM']);
      // A closed case owes nothing, even with an unanswered referral.
      expect(detail?.deadlines).toEqual([]);
    });

    describe('a case opened from a partner node’s handover proposal', () => {
      it('is listed, and found, with the citizenship the partner sent (it has no registration here)', async () => {
        const caseId = randomUUID();
        await append(caseId, [
          {
            type: 'HandoverRequestReceived',
            at: T0,
            data: {
              caseId,
              handoverId: 'ho-1',
              sharedCaseRef: 'ref-1',
              fromCountry: 'DE',
              fromNode: 'nrm-de',
              responseDueAt: day(T0, 14),
              receivedAt: T0,
              formsOfExploitation: ['forced_labour'],
              citizenship: 'MD',
              presumedMinor: false,
            },
          },
        ]);
        await project();
        const now = day(T0, 1);
        const waiting = await store.listCases({ stage: 'handover_proposed', page: 1, pageSize: 10, now });
        expect(waiting.items).toEqual([
          expect.objectContaining({ caseId, citizenship: 'MD', registeredAt: undefined }),
        ]);
        const moldovan = await store.listCases({ citizenship: 'MD', page: 1, pageSize: 10, now });
        expect(moldovan.items.map((item) => item.caseId)).toEqual([caseId]);
      });
    });

    describe('filters and paging', () => {
      beforeEach(async () => {
        // 7 cases in DE (registered on days 0..6), 3 in IT (days 10..12); two of the DE ones identified.
        for (let i = 0; i < 10; i++) {
          const caseId = `00000000-0000-4000-8000-00000000000${i}`;
          const at = day(T0, i < 7 ? i : i + 3);
          const steps = registration({
            caseId,
            at,
            country: i < 7 ? 'DE' : 'IT',
            citizenship: i % 2 ? 'UA' : 'MD',
            district: i < 3 ? 'MD-CU' : undefined,
          });
          if (i < 2) {
            steps.push({
              type: 'IdentificationConcluded',
              at: day(at, 5),
              data: { status: 'identified', decidingBody: 'police', formsOfExploitation: [] },
              personal: { reasons: 'r' },
            });
          }
          await append(caseId, steps);
        }
        await project();
      });
      const now = day(T0, 1);
      const ids = (items: { caseId: string }[]) => items.map((i) => Number(i.caseId.slice(-1)));

      it('lists newest first, a page at a time, with the total of all matches', async () => {
        const first = await store.listCases({ page: 1, pageSize: 4, now });
        const third = await store.listCases({ page: 3, pageSize: 4, now });
        expect(first.total).toBe(10);
        expect(ids(first.items)).toEqual([9, 8, 7, 6]);
        expect(ids(third.items)).toEqual([1, 0]);
        expect(await store.listCases({ page: 4, pageSize: 4, now })).toEqual({ items: [], total: 10 });
      });

      it('lists a case known only from a later event (no registration yet) after the registered ones', async () => {
        const relayed = randomUUID();
        await append(relayed, [
          { type: 'CooperationDecisionRecorded', at: day(T0, 50), data: { willing: true } },
        ]);
        await project();
        const { items, total } = await store.listCases({ page: 3, pageSize: 4, now });
        expect(total).toBe(11);
        expect(items.map((i) => i.caseId)).toEqual([
          '00000000-0000-4000-8000-000000000001',
          '00000000-0000-4000-8000-000000000000',
          relayed,
        ]);
        expect(items[2]).toMatchObject({ stage: 'registered', deadlines: [], overdue: false });
        expect(items[2].countryOfExploitation).toBeUndefined();
        expect((await store.listCases({ country: 'DE', page: 1, pageSize: 10, now })).total).toBe(7);
      });

      it('filters by stage, country and citizenship, alone or together', async () => {
        const identified = await store.listCases({ stage: 'identified', page: 1, pageSize: 10, now });
        expect(ids(identified.items)).toEqual([1, 0]);
        expect(identified.total).toBe(2);

        const italy = await store.listCases({ country: 'IT', page: 1, pageSize: 2, now });
        expect(italy.total).toBe(3);
        expect(ids(italy.items)).toEqual([9, 8]);

        const germanyRegistered = await store.listCases({
          country: 'DE',
          stage: 'registered',
          page: 1,
          pageSize: 10,
          now,
        });
        expect(ids(germanyRegistered.items)).toEqual([6, 5, 4, 3, 2]);
        const germanyUkrainian = await store.listCases({
          country: 'DE',
          citizenship: 'UA',
          page: 1,
          pageSize: 10,
          now,
        });
        expect(ids(germanyUkrainian.items)).toEqual([5, 3, 1]);
        expect((await store.listCases({ country: 'FR', page: 1, pageSize: 10, now })).total).toBe(0);
      });

      it('filters by the district the case was registered in, and lists it', async () => {
        const centre = await store.listCases({ district: 'MD-CU', page: 1, pageSize: 10, now });
        expect(ids(centre.items)).toEqual([2, 1, 0]);
        expect(centre.items[0].district).toBe('MD-CU');
        expect((await store.getCase(centre.items[0].caseId))?.district).toBe('MD-CU');
        expect((await store.listCases({ district: 'MD-BA', page: 1, pageSize: 10, now })).total).toBe(0);
      });

      it('rejects a page or page size out of range', async () => {
        await expect(store.listCases({ page: 0, pageSize: 10, now })).rejects.toThrow(RangeError);
        await expect(store.listCases({ page: 1, pageSize: 0, now })).rejects.toThrow(RangeError);
        await expect(store.listCases({ page: 1, pageSize: 10_000, now })).rejects.toThrow(RangeError);
        await expect(store.listCases({ page: 1, pageSize: 10, now: 'yesterday' })).rejects.toThrow(
          RangeError,
        );
      });
    });

    describe('record scope: the agencies involved in a case', () => {
      const ids = (items: { caseId: string }[]) => items.map((i) => i.caseId);
      const registeredBy = (caseId: string, at: string, agency?: string): Step[] =>
        registration({ caseId, at }).map((step) => ({
          ...step,
          actor: { userId: `u-${agency ?? 'none'}`, role: 'identification_officer', agency },
        }));
      const listFor = (agency: string, extra: { country?: string; page?: number; pageSize?: number } = {}) =>
        store.listCases({ agency, page: 1, pageSize: 10, now: T0, ...extra });

      it('lists for an agency only the cases it registered, was referred to, or joined the team of', async () => {
        const [a1, a2, b1, referred, team, orphan] = [0, 1, 2, 3, 4, 5].map(
          (i) => `00000000-0000-4000-8000-00000000001${i}`,
        );
        await append(a1, registeredBy(a1, day(T0, 1), 'agency-a'));
        await append(a2, registeredBy(a2, day(T0, 2), 'agency-a'));
        await append(b1, registeredBy(b1, day(T0, 3), 'agency-b'));
        await append(referred, [
          ...registeredBy(referred, day(T0, 4), 'agency-b'),
          { type: 'ConsentGiven', at: day(T0, 4), data: { purpose: 'assistance' } },
          {
            type: 'ServiceReferred',
            at: day(T0, 5),
            data: { serviceId: 's1', kind: 'medical', provider: 'agency-a' },
          },
        ]);
        await append(team, [
          ...registeredBy(team, day(T0, 6), 'agency-b'),
          { type: 'AgencyJoinedTeam', at: day(T0, 7), data: { agency: 'agency-a' } },
        ]);
        // registered by an account without agency: involves no agency at all
        await append(orphan, registeredBy(orphan, day(T0, 8)));
        await project();

        const forA = await listFor('agency-a');
        expect(ids(forA.items)).toEqual([team, referred, a2, a1]);
        expect(forA.total).toBe(4);
        expect(ids((await listFor('agency-b')).items)).toEqual([team, referred, b1]);
        expect(await listFor('agency-c')).toEqual({ items: [], total: 0 });
        // compared as written, like every agency code
        expect((await listFor('AGENCY-A')).total).toBe(0);
        // without the filter (auditors), every case
        expect((await store.listCases({ page: 1, pageSize: 10, now: T0 })).total).toBe(6);

        expect((await store.getCase(team))?.agencies).toEqual(['agency-b', 'agency-a']);
        expect((await store.getCase(referred))?.agencies).toEqual(['agency-b', 'agency-a']);
        expect((await store.getCase(orphan))?.agencies).toEqual([]);
      });

      it('combines the agency filter with the others and pages through its matches only', async () => {
        for (let i = 0; i < 5; i++) {
          const caseId = `00000000-0000-4000-8000-00000000002${i}`;
          const steps = registeredBy(caseId, day(T0, i), i % 2 ? 'agency-b' : 'agency-a');
          steps[0].data.countryOfExploitation = i < 3 ? 'DE' : 'IT';
          await append(caseId, steps);
        }
        await project();
        const last = (items: { caseId: string }[]) => items.map((i) => Number(i.caseId.slice(-1)));
        const page1 = await listFor('agency-a', { pageSize: 2 });
        const page2 = await listFor('agency-a', { pageSize: 2, page: 2 });
        expect([last(page1.items), last(page2.items), page1.total]).toEqual([[4, 2], [0], 3]);
        expect(last((await listFor('agency-a', { country: 'DE' })).items)).toEqual([2, 0]);
        expect(last((await listFor('agency-b', { country: 'IT' })).items)).toEqual([3]);
      });

      it('keeps a case in an agency list once it joined, and adds the agency only once', async () => {
        const caseId = randomUUID();
        await append(caseId, registeredBy(caseId, T0, 'agency-a'));
        await project();
        expect((await listFor('agency-b')).total).toBe(0);
        await append(caseId, [
          { type: 'AgencyJoinedTeam', at: day(T0, 1), data: { agency: 'agency-b' } },
          { type: 'AgencyJoinedTeam', at: day(T0, 2), data: { agency: 'agency-a' } },
          { type: 'ConsentGiven', at: day(T0, 3), data: { purpose: 'assistance' } },
        ]);
        await project();
        expect(ids((await listFor('agency-b')).items)).toEqual([caseId]);
        expect(ids((await listFor('agency-a')).items)).toEqual([caseId]);
        expect((await store.getCase(caseId))?.agencies).toEqual(['agency-a', 'agency-b']);
      });

      it('drops a case from the list of an agency whose consent is withdrawn, the same after a rebuild', async () => {
        const caseId = randomUUID();
        await append(caseId, [
          ...registeredBy(caseId, T0, 'agency-a'),
          { type: 'ConsentGiven', at: day(T0, 1), data: { purpose: 'assistance', recipient: 'agency-b' } },
          { type: 'ConsentGiven', at: day(T0, 1), data: { purpose: 'assistance', recipient: 'agency-c' } },
          { type: 'AgencyJoinedTeam', at: day(T0, 2), data: { agency: 'agency-b' } },
          { type: 'AgencyJoinedTeam', at: day(T0, 2), data: { agency: 'agency-c' } },
          {
            type: 'AgencyJoinedTeam',
            at: day(T0, 2),
            data: { agency: 'agency-d', legalBasis: 'vital_interest' },
          },
        ]);
        await project();
        expect(ids((await listFor('agency-b')).items)).toEqual([caseId]);
        await append(caseId, [
          {
            type: 'ConsentWithdrawn',
            at: day(T0, 3),
            data: { purpose: 'assistance', recipient: 'agency-b' },
          },
          {
            type: 'ConsentWithdrawn',
            at: day(T0, 3),
            data: { purpose: 'assistance', recipient: 'agency-d' },
          },
        ]);
        await project();
        const after = async () => ({
          b: (await listFor('agency-b')).total,
          c: (await listFor('agency-c')).total,
          d: (await listFor('agency-d')).total,
          a: (await listFor('agency-a')).total,
          agencies: (await store.getCase(caseId))?.agencies,
          team: (await store.getCase(caseId))?.team?.map((m) => [m.agency, m.legalBasis ?? null]),
        });
        const expected = {
          b: 0,
          c: 1,
          d: 1,
          a: 1,
          agencies: ['agency-a', 'agency-c', 'agency-d'],
          // the team view is history: who joined, under what
          team: [
            ['agency-b', null],
            ['agency-c', null],
            ['agency-d', 'vital_interest'],
          ],
        };
        expect(await after()).toEqual(expected);
        await rebuildProjections(log.eventStore, store);
        expect(await after()).toEqual(expected);
      });
    });

    describe('overdue, judged against the query time', () => {
      const caseId = randomUUID();
      const list = async (now: string, overdue?: boolean) =>
        (await store.listCases({ page: 1, pageSize: 10, now, overdue })).items;

      it('flags an identification still pending after the reflection period, until it is concluded', async () => {
        await append(caseId, registration({ caseId, at: T0, reflectionDays: 30 }));
        await project();
        const [onLastDay] = await list(day(T0, 30));
        expect(onLastDay.deadlines).toEqual([
          { kind: 'identification_decision', dueAt: day(T0, 30), overdue: false },
        ]);
        expect(onLastDay.overdue).toBe(false);
        expect((await list(day(T0, 31)))[0].overdue).toBe(true);

        await append(caseId, [
          { type: 'ReflectionPeriodExtended', at: day(T0, 20), data: { endsAt: day(T0, 60), days: 60 } },
        ]);
        await project();
        expect((await list(day(T0, 31)))[0].overdue).toBe(false);
        expect((await list(day(T0, 61)))[0].overdue).toBe(true);

        await append(caseId, [
          {
            type: 'IdentificationConcluded',
            at: day(T0, 62),
            data: { status: 'not_identified', decidingBody: 'police', formsOfExploitation: [] },
            personal: { reasons: 'r' },
          },
        ]);
        await project();
        const [concluded] = await list(day(T0, 100));
        expect(concluded).toMatchObject({ stage: 'not_identified', overdue: false, deadlines: [] });
      });

      it('flags a handover without answer after responseDueAt, and a referral unanswered for 14 days', async () => {
        await append(caseId, walkToHandover(caseId, T0));
        await project();
        // The walk leaves other deadlines open too (monitoring, a law-enforcement request): not these.
        const answers = <D extends { kind: string }>(deadlines: D[]) =>
          deadlines.filter((d) => d.kind === 'handover_response' || d.kind === 'service_referral_response');
        const status = async (now: string) =>
          Object.fromEntries(answers((await list(now))[0].deadlines).map((d) => [d.kind, d.overdue]));
        expect(await status(day(T0, 25))).toEqual({
          handover_response: false,
          service_referral_response: false,
        });
        expect(await status(day(T0, 27))).toEqual({
          handover_response: false,
          service_referral_response: true,
        });
        expect(await status(day(T0, 45))).toEqual({
          handover_response: true,
          service_referral_response: true,
        });

        await append(caseId, [
          {
            type: 'ServiceReferralDeclined',
            at: day(T0, 46),
            data: { serviceId: 'svc-2', reason: 'no_capacity' },
          },
          {
            type: 'HandoverDeclined',
            at: day(T0, 46),
            data: { handoverId: 'ho-1', recordedBy: 'partner_node', reason: 'no_capacity' },
          },
        ]);
        await project();
        const [declined] = await list(day(T0, 47));
        expect(declined.stage).toBe('handover_declined');
        expect(answers(declined.deadlines)).toEqual([]);
      });

      it('filters on being overdue at `now`, a deadline due exactly at `now` not yet overdue', async () => {
        const late = randomUUID();
        const settled = randomUUID();
        await append(caseId, registration({ caseId, at: T0, reflectionDays: 60 }));
        await append(late, registration({ caseId: late, at: day(T0, 1), reflectionDays: 30 }));
        await append(settled, [
          ...registration({ caseId: settled, at: day(T0, 2), reflectionDays: 5 }),
          {
            type: 'IdentificationConcluded',
            at: day(T0, 3),
            data: { status: 'identified', decidingBody: 'police', formsOfExploitation: [] },
          },
        ]);
        await project();
        expect((await list(day(T0, 40), true)).map((i) => i.caseId)).toEqual([late]);
        expect((await list(day(T0, 40), false)).map((i) => i.caseId)).toEqual([settled, caseId]);
        expect((await list(day(T0, 31), true)).map((i) => i.caseId)).toEqual([]); // due at day 31 exactly
        expect(await list(day(T0, 10), true)).toEqual([]);
        expect(
          (await store.listCases({ overdue: true, page: 1, pageSize: 10, now: day(T0, 90) })).total,
        ).toBe(2);
      });

      it('lists the next monitoring visit at its midnight UTC until a later visit, or the closure, ends it', async () => {
        const visit = (days: number, nextVisitDue?: string): Step => ({
          type: 'MonitoringRecorded',
          at: day(T0, days),
          data: nextVisitDue === undefined ? { status: 'on_track' } : { status: 'on_track', nextVisitDue },
        });
        const monitoringVisits = async (now: string) => {
          const [item] = await list(now);
          return item.deadlines.filter((d) => d.kind === 'monitoring_visit');
        };
        const dueSoon = async (now: string) =>
          (await store.caseloadSummary({ now, dueWithinDays: 14 })).dueSoon.filter(
            (d) => d.kind === 'monitoring_visit',
          );
        await append(caseId, [
          ...registration({ caseId, at: T0, reflectionDays: 30 }),
          visit(1, '2025-01-20'),
        ]);
        await project();
        const dueAt = '2025-01-20T00:00:00.000Z';
        expect(await monitoringVisits(day(T0, 2))).toEqual([
          { kind: 'monitoring_visit', dueAt, overdue: false },
        ]);
        expect(await dueSoon(day(T0, 2))).toEqual([
          { caseId, kind: 'monitoring_visit', dueAt, overdue: false },
        ]);
        expect(await dueSoon(day(T0, -30))).toEqual([]); // not within 14 days yet
        expect(await monitoringVisits('2025-01-20T00:00:00.001Z')).toEqual([
          { kind: 'monitoring_visit', dueAt, overdue: true },
        ]);
        expect((await store.getCase(caseId))?.monitoring).toEqual({
          status: 'on_track',
          at: day(T0, 1),
          nextVisitDue: '2025-01-20',
        });

        await append(caseId, [visit(10, '2025-02-03')]); // a later visit replaces the planned one
        await project();
        expect(await monitoringVisits(day(T0, 11))).toEqual([
          { kind: 'monitoring_visit', dueAt: '2025-02-03T00:00:00.000Z', overdue: false },
        ]);

        await append(caseId, [visit(12)]); // one that plans none clears it
        await project();
        expect(await monitoringVisits(day(T0, 13))).toEqual([]);
        expect(await dueSoon(day(T0, 13))).toEqual([]);
        expect((await store.getCase(caseId))?.monitoring).toEqual({ status: 'on_track', at: day(T0, 12) });

        await append(caseId, [
          visit(14, '2025-02-10'),
          { type: 'CaseClosed', at: day(T0, 15), data: { reason: 'assistance_completed' } },
        ]);
        await project();
        expect(await monitoringVisits(day(T0, 16))).toEqual([]);
        expect(await dueSoon(day(T0, 16))).toEqual([]);
      });

      it('lists the next team review at its midnight UTC, filters on it being overdue, and keeps the meetings', async () => {
        const meeting = (days: number, meetingId: string, nextReviewOn?: string): Step => ({
          type: 'TeamMeetingRecorded',
          at: day(T0, days),
          data: {
            meetingId,
            kind: 'team_meeting',
            heldAt: day(T0, days),
            agencies: ['agency-a'],
            participantRoles: [],
            topics: ['plan_review'],
            ...(nextReviewOn === undefined ? {} : { nextReviewOn }),
          },
          personal: { decisions: 'd' },
        });
        const reviews = async (now: string) =>
          (await list(now))[0].deadlines.filter((d) => d.kind === 'team_review');
        await append(caseId, [
          ...registration({ caseId, at: T0, reflectionDays: 30 }),
          {
            type: 'IdentificationConcluded',
            at: day(T0, 1),
            data: { status: 'identified', decidingBody: 'police', formsOfExploitation: [] },
          },
          meeting(2, 'm-1', '2025-01-20'),
        ]);
        await project();
        const dueAt = '2025-01-20T00:00:00.000Z';
        expect(await reviews(day(T0, 3))).toEqual([
          { kind: 'team_review', ref: 'm-1', dueAt, overdue: false },
        ]);
        expect((await list('2025-01-20T00:00:00.001Z', true)).map((i) => i.caseId)).toEqual([caseId]);
        const [stored] = (await store.getCase(caseId))?.meetings ?? [];
        expect(stored).toMatchObject({
          meetingId: 'm-1',
          agencies: ['agency-a'],
          nextReviewOn: '2025-01-20',
        });
        expect(stored.decisions).toBeDefined();

        await append(caseId, [meeting(4, 'm-2')]); // a later meeting that sets no review clears it
        await project();
        expect(await reviews(day(T0, 30))).toEqual([]);
        expect((await list(day(T0, 30), true)).map((i) => i.caseId)).toEqual([]);
      });
    });

    describe('sorting, the presumed-minor and agency filters, and the caseload summary', () => {
      // c0..c5 as registered by two agencies; c4 only known from a later event (no registration).
      const c = [0, 1, 2, 3, 4, 5].map((i) => `00000000-0000-4000-8000-00000000003${i}`);
      const by = (agency: string) => ({ userId: `u-${agency}`, role: 'identification_officer', agency });
      // A presumed child gets a guardian at once here, so the guardian's deadline stays out of these counts.
      const registeredBy = (agency: string, r: Parameters<typeof registration>[0]): Step[] =>
        [
          ...registration(r),
          ...(r.presumedMinor
            ? [{ type: 'GuardianAppointed', at: r.at, data: { authority: 'child-protection' } }]
            : []),
        ].map((step) => ({ ...step, actor: by(agency) }));
      const concluded = (at: string, status: string): Step => ({
        type: 'IdentificationConcluded',
        at,
        data: { status, decidingBody: 'police', formsOfExploitation: [] },
        personal: { reasons: 'r' },
      });
      beforeEach(async () => {
        await append(c[0], [
          ...registeredBy('agency-a', { caseId: c[0], at: T0, reflectionDays: 30 }),
          { type: 'ConsentGiven', at: day(T0, 9), data: { purpose: 'assistance' } },
          // unanswered: due on day 23
          {
            type: 'ServiceReferred',
            at: day(T0, 9),
            data: { serviceId: 's1', kind: 'medical', provider: 'clinic-x' },
          },
        ]);
        await append(c[1], [
          ...registeredBy('agency-b', {
            caseId: c[1],
            at: day(T0, 1),
            reflectionDays: 10,
            presumedMinor: true,
          }),
          { type: 'AgencyJoinedTeam', at: day(T0, 2), data: { agency: 'agency-a' } },
        ]);
        await append(c[2], [
          ...registeredBy('agency-a', {
            caseId: c[2],
            at: day(T0, 2),
            reflectionDays: 60,
            presumedMinor: true,
          }),
          concluded(day(T0, 3), 'identified'),
        ]);
        await append(c[3], [
          ...registeredBy('agency-b', { caseId: c[3], at: day(T0, 3), reflectionDays: 20 }),
          concluded(day(T0, 3), 'not_identified'),
        ]);
        await append(c[4], [
          { type: 'AgencyJoinedTeam', at: day(T0, 4), data: { agency: 'agency-b' }, actor: by('agency-b') },
        ]);
        await append(
          c[5],
          registeredBy('agency-a', { caseId: c[5], at: day(T0, 5), reflectionDays: 30, presumedMinor: true }),
        );
        await project();
      });
      const now = day(T0, 12);
      const which = (items: { caseId: string }[]) => items.map((item) => c.indexOf(item.caseId));
      const list = async (query: Partial<CaseListQuery> = {}) => {
        const page = await store.listCases({ page: 1, pageSize: 10, now, ...query });
        return { cases: which(page.items), total: page.total };
      };

      it('sorts by each key either way, cases without the key last, ties by case id', async () => {
        const sorted = async (sort: CaseListSort, order?: SortOrder) => (await list({ sort, order })).cases;
        // the default: newest registration first
        expect((await list()).cases).toEqual([5, 3, 2, 1, 0, 4]);
        expect(await sorted('registeredAt')).toEqual([5, 3, 2, 1, 0, 4]);
        expect(await sorted('registeredAt', 'asc')).toEqual([0, 1, 2, 3, 5, 4]);
        // c2 and c3 were both last changed on day 3
        expect(await sorted('updatedAt')).toEqual([0, 5, 4, 2, 3, 1]);
        expect(await sorted('updatedAt', 'asc')).toEqual([1, 2, 3, 4, 5, 0]);
        expect(await sorted('reflectionPeriodEndsAt')).toEqual([2, 5, 0, 3, 1, 4]);
        expect(await sorted('reflectionPeriodEndsAt', 'asc')).toEqual([1, 3, 0, 5, 2, 4]);
        // the catalogue's order of stages (registered, identified, not_identified...), not the alphabet
        expect(await sorted('stage')).toEqual([3, 2, 0, 1, 4, 5]);
        expect(await sorted('stage', 'asc')).toEqual([0, 1, 4, 5, 2, 3]);
      });

      it('pages through a sorted list, the total counting every match', async () => {
        const page = (n: number) => list({ sort: 'updatedAt', order: 'asc', page: n, pageSize: 4 });
        expect(await page(1)).toEqual({ cases: [1, 2, 3, 4], total: 6 });
        expect(await page(2)).toEqual({ cases: [5, 0], total: 6 });
        expect(await page(3)).toEqual({ cases: [], total: 6 });
      });

      it('filters on the presumed minor and on an agency involved, with the scope and the other filters', async () => {
        expect(await list({ presumedMinor: true })).toEqual({ cases: [5, 2, 1], total: 3 });
        expect(await list({ presumedMinor: false })).toEqual({ cases: [3, 0, 4], total: 3 });
        expect(await list({ involving: 'agency-b' })).toEqual({ cases: [3, 1, 4], total: 3 });
        expect(await list({ involving: 'clinic-x' })).toEqual({ cases: [0], total: 1 });
        // an operator of agency-a asking for agency-b's cases: only those both are involved in
        expect(await list({ agency: 'agency-a', involving: 'agency-b' })).toEqual({ cases: [1], total: 1 });
        expect(await list({ agency: 'agency-a', involving: 'agency-a' })).toEqual({
          cases: [5, 2, 1, 0],
          total: 4,
        });
        expect(await list({ agency: 'agency-b', presumedMinor: true })).toEqual({ cases: [1], total: 1 });
        expect(await list({ agency: 'agency-a', presumedMinor: true, stage: 'registered' })).toEqual({
          cases: [5, 1],
          total: 2,
        });
        expect(await list({ agency: 'agency-a', sort: 'reflectionPeriodEndsAt', order: 'asc' })).toEqual({
          cases: [1, 0, 5, 2],
          total: 4,
        });
        expect(await list({ involving: 'agency-c' })).toEqual({ cases: [], total: 0 });
      });

      it('narrows to the cases a user acted on ("my cases"), within the scope and with the other filters', async () => {
        // c0, c2, c5 registered by u-agency-a; c1, c3 by u-agency-b, who only joined c4; u-1 (the
        // fixtures' default actor) recorded a later event of c0..c3
        expect(await list({ actedOnBy: 'u-agency-a' })).toEqual({ cases: [5, 2, 0], total: 3 });
        expect(await list({ actedOnBy: 'u-agency-b' })).toEqual({ cases: [3, 1, 4], total: 3 });
        expect(await list({ actedOnBy: 'u-1' })).toEqual({ cases: [3, 2, 1, 0], total: 4 });
        // within an operator's agency: of u-agency-b's cases, agency-a is involved in c1 only
        expect(await list({ agency: 'agency-a', actedOnBy: 'u-agency-b' })).toEqual({ cases: [1], total: 1 });
        expect(await list({ actedOnBy: 'u-agency-b', presumedMinor: true })).toEqual({
          cases: [1],
          total: 1,
        });
        expect(await list({ actedOnBy: 'u-agency-b', sort: 'updatedAt', order: 'asc' })).toEqual({
          cases: [1, 3, 4],
          total: 3,
        });
        expect(await list({ actedOnBy: 'u-1', page: 2, pageSize: 3 })).toEqual({ cases: [0], total: 4 });
        // compared as written, like every user id; a user who never acted has no case
        expect(await list({ actedOnBy: 'U-AGENCY-A' })).toEqual({ cases: [], total: 0 });
        expect(await list({ actedOnBy: 'u-nobody' })).toEqual({ cases: [], total: 0 });
        // the detail keeps who acted, once each, in the order they first did
        expect((await store.getCase(c[0]))?.actors).toEqual(['u-agency-a', 'u-1']);
        expect((await store.getCase(c[4]))?.actors).toEqual(['u-agency-b']);
      });

      it('rejects an unknown sort or order', async () => {
        await expect(list({ sort: 'name' as CaseListSort })).rejects.toThrow(RangeError);
        await expect(list({ order: 'up' as SortOrder })).rejects.toThrow(RangeError);
      });

      const summary = (query: Partial<CaseloadQuery> = {}) =>
        store.caseloadSummary({ dueWithinDays: 14, now, ...query });
      const stages = (counts: Partial<Record<CaseStage, number>>) =>
        CASE_STAGES.map((stage) => ({ stage, count: counts[stage] ?? 0 }));

      it('counts the cases in scope by stage, overdue and presumed minors, and lists what falls due', async () => {
        const identificationOfC1 = {
          caseId: c[1],
          kind: 'identification_decision',
          dueAt: day(T0, 11),
          overdue: true,
        };
        const referralOfC0 = {
          caseId: c[0],
          kind: 'service_referral_response',
          ref: 's1',
          dueAt: day(T0, 23),
          overdue: false,
        };
        expect(await summary()).toEqual({
          byStage: stages({ registered: 4, identified: 1, not_identified: 1 }),
          total: 6,
          overdue: 1,
          presumedMinors: 3,
          peopleAtRisk: 0,
          dueSoon: [identificationOfC1, referralOfC0],
        });
        expect(await summary({ agency: 'agency-a' })).toEqual({
          byStage: stages({ registered: 3, identified: 1 }),
          total: 4,
          overdue: 1,
          presumedMinors: 3,
          peopleAtRisk: 0,
          dueSoon: [identificationOfC1, referralOfC0],
        });
        expect(await summary({ agency: 'agency-b' })).toEqual({
          byStage: stages({ registered: 2, not_identified: 1 }),
          total: 3,
          overdue: 1,
          presumedMinors: 1,
          peopleAtRisk: 0,
          dueSoon: [identificationOfC1],
        });
        expect(await summary({ agency: 'agency-b', involving: 'clinic-x' })).toEqual({
          byStage: stages({}),
          total: 0,
          overdue: 0,
          presumedMinors: 0,
          peopleAtRisk: 0,
          dueSoon: [],
        });
        expect(await summary({ involving: 'clinic-x' })).toMatchObject({ total: 1, dueSoon: [referralOfC0] });
        // a wider window: the identification decisions of c0 (day 30) and c5 (day 35) too
        expect((await summary({ dueWithinDays: 30 })).dueSoon).toEqual([
          identificationOfC1,
          referralOfC0,
          { caseId: c[0], kind: 'identification_decision', dueAt: day(T0, 30), overdue: false },
          { caseId: c[5], kind: 'identification_decision', dueAt: day(T0, 35), overdue: false },
        ]);
      });

      it("counts a user's own caseload: only the cases they acted on, within the scope", async () => {
        expect(await summary({ actedOnBy: 'u-agency-a' })).toEqual({
          byStage: stages({ registered: 2, identified: 1 }),
          total: 3,
          overdue: 0,
          presumedMinors: 2,
          peopleAtRisk: 0,
          dueSoon: [
            {
              caseId: c[0],
              kind: 'service_referral_response',
              ref: 's1',
              dueAt: day(T0, 23),
              overdue: false,
            },
          ],
        });
        expect(await summary({ agency: 'agency-a', actedOnBy: 'u-agency-b' })).toEqual({
          byStage: stages({ registered: 1 }),
          total: 1,
          overdue: 1,
          presumedMinors: 1,
          peopleAtRisk: 0,
          dueSoon: [{ caseId: c[1], kind: 'identification_decision', dueAt: day(T0, 11), overdue: true }],
        });
        expect(await summary({ actedOnBy: 'u-nobody' })).toEqual(emptyCaseloadSummary());
      });

      it('judges against `now`: due exactly at the end of the window is in, due exactly now is not overdue', async () => {
        const onDay11 = await summary({ now: day(T0, 11), dueWithinDays: 12 });
        expect(onDay11.overdue).toBe(0);
        expect(onDay11.dueSoon).toEqual([
          { caseId: c[1], kind: 'identification_decision', dueAt: day(T0, 11), overdue: false },
          { caseId: c[0], kind: 'service_referral_response', ref: 's1', dueAt: day(T0, 23), overdue: false },
        ]);
        expect((await summary({ now: day(T0, 11), dueWithinDays: 11 })).dueSoon).toHaveLength(1);
        // overdue deadlines stay in, however long ago they fell due
        expect((await summary({ now: day(T0, 80), dueWithinDays: 1 })).dueSoon).toHaveLength(4);
      });

      it('rejects a window or a `now` out of range', async () => {
        for (const dueWithinDays of [0, 91, 1.5]) {
          await expect(summary({ dueWithinDays })).rejects.toThrow(RangeError);
        }
        await expect(summary({ now: 'soon' })).rejects.toThrow(RangeError);
      });
    });

    it('lists at most 50 deadlines falling due, the soonest first', async () => {
      const due: { caseId: string; kind: string; dueAt: string }[] = [];
      for (let i = 0; i < 30; i++) {
        const caseId = `00000000-0000-4000-8000-0000000004${String(i).padStart(2, '0')}`;
        const at = day(T0, i);
        await append(caseId, [
          ...registration({ caseId, at, reflectionDays: 10 }),
          { type: 'ServiceReferred', at, data: { serviceId: `s-${i}`, kind: 'legal', provider: 'law-1' } },
        ]);
        due.push({ caseId, kind: 'identification_decision', dueAt: day(at, 10) });
        due.push({ caseId, kind: 'service_referral_response', dueAt: day(at, 14) });
      }
      await project();
      const { dueSoon, total } = await store.caseloadSummary({ now: T0, dueWithinDays: 90 });
      expect(total).toBe(30);
      const expected = due
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || (a.caseId < b.caseId ? -1 : 1))
        .slice(0, 50);
      expect(dueSoon.map(({ caseId, kind, dueAt }) => ({ caseId, kind, dueAt }))).toEqual(expected);
    });

    describe('checkpoints', () => {
      it('ignores events at or below the checkpoint, so reprocessing changes nothing', async () => {
        const caseId = randomUUID();
        await append(caseId, walkToHandover(caseId, T0));
        await project();
        const detail = await store.getCase(caseId);
        const history = await store.getHistory(caseId);
        const head = await log.eventStore.headPosition();
        for (const projection of store.projections()) expect(await projection.checkpoint()).toBe(head);

        await project(); // the whole log again
        const events = await log.eventStore.readAll();
        for (const projection of store.projections()) await projection.handle([events[5], events[9]]);

        expect(await store.getCase(caseId)).toEqual(detail); // risks would be listed twice otherwise
        expect(await store.getHistory(caseId)).toEqual(history);
      });

      it('applies the part of a batch above the checkpoint', async () => {
        const caseId = randomUUID();
        await append(caseId, walkToHandover(caseId, T0));
        const events = await log.eventStore.readAll();
        for (const projection of store.projections()) await projection.handle(events.slice(0, 10));
        for (const projection of store.projections()) await projection.handle(events.slice(5));
        expect(await store.getHistory(caseId)).toHaveLength(events.length);
        expect((await store.getCase(caseId))?.assessments.risks).toHaveLength(1);
        for (const projection of store.projections()) {
          expect(await projection.checkpoint()).toBe(events.at(-1)!.position);
        }
      });

      it('changes nothing when a batch is replayed after a crash between its writes and its checkpoint', async () => {
        const first = randomUUID();
        const second = randomUUID();
        const steps = walkToHandover(first, T0);
        await append(first, steps.slice(0, 6));
        await append(second, registration({ caseId: second, at: day(T0, 1) }));
        await project();
        const crashedAt = await log.eventStore.headPosition();
        await append(first, steps.slice(6));
        await append(second, walkFromHandoverToClosure(T0).slice(-1));
        await project();
        const expected = await snapshotReadModels(store, [first, second], day(T0, 40));
        const head = await log.eventStore.headPosition();

        for (const projection of store.projections())
          await underTest.rewindCheckpoint(projection.name, crashedAt);
        for (const projection of store.projections()) expect(await projection.checkpoint()).toBe(crashedAt);
        await project(); // the runner resumes from the checkpoint: the suffix comes again

        expect(await snapshotReadModels(store, [first, second], day(T0, 40))).toEqual(expected);
        expect((await store.getCase(first))?.consents).toHaveLength(2);
        for (const projection of store.projections()) expect(await projection.checkpoint()).toBe(head);
      });

      it('leaves data and checkpoint untouched when a batch cannot be read', async () => {
        const caseId = randomUUID();
        await append(caseId, registration({ caseId, at: T0 }));
        await project();
        const before = await store.getCase(caseId);
        const historyBefore = await store.getHistory(caseId);
        await access(caseId, actor, 'identification', 1);
        await append(caseId, [
          { type: 'AgeAssessed', at: day(T0, 1), data: { presumedMinor: true, method: 'interview' } },
          // written by a newer node: this code cannot read it, so the whole batch must not apply
          {
            type: 'RiskAssessed',
            at: day(T0, 2),
            data: { kind: 'general', level: 'high' },
            schemaVersion: 9,
          },
        ]);
        for (const projection of store.projections()) {
          const checkpoint = await projection.checkpoint();
          await expect(projection.handle(await log.eventStore.readAll())).rejects.toThrow(/schema version 9/);
          expect(await projection.checkpoint()).toBe(checkpoint);
        }
        expect(await store.getCase(caseId)).toEqual(before);
        expect(await store.getHistory(caseId)).toEqual(historyBefore);
        expect(await store.accessLog({})).toEqual([]);
      });

      it('ignores streams that are not cases, yet moves past them', async () => {
        await log.eventStore.append(
          'node-settings',
          [
            {
              id: randomUUID(),
              type: 'SettingChanged',
              schemaVersion: 1,
              occurredAt: T0,
              nodeId: 'n',
              actor: { userId: 'a', role: 'admin' },
              correlationId: 'c',
              data: {},
            },
          ],
          'any',
        );
        await project();
        expect((await store.listCases({ page: 1, pageSize: 10, now: T0 })).total).toBe(0);
        for (const projection of store.projections()) expect(await projection.checkpoint()).toBe(1);
      });
    });

    describe('access log', () => {
      const [c1, c2] = [randomUUID(), randomUUID()];
      const alice = { userId: 'u-alice', role: 'case_manager', agency: 'NGO-1' };
      const bob = { userId: 'u-bob', role: 'auditor', agency: 'DPA' };
      // An account from before agencies: its entries have no agency at all (not null).
      const carol = { userId: 'u-carol', role: 'identification_officer' };
      const entry = (
        caseId: string,
        actor: Actor,
        purpose: string,
        days: number,
        channel = 'api',
      ): AccessLogEntry => ({
        position: POSITION_OF_DAY[days],
        at: day(T0, days),
        userId: actor.userId,
        role: actor.role,
        ...(actor.agency ? { agency: actor.agency } : {}),
        caseId,
        purpose,
        channel,
      });
      // Where each day's read sits in the log (case events between them), read back from the log.
      const POSITION_OF_DAY: Record<number, number> = {};
      const accessLogProjection = () =>
        store.projections().find((p) => p.name === PROJECTION_NAMES.accessLog)!;

      beforeEach(async () => {
        // Accesses interleaved with case work, as the log holds them.
        await append(c1, registration({ caseId: c1, at: T0 }));
        await access(c1, alice, 'assistance_planning', 1);
        await append(c2, registration({ caseId: c2, at: day(T0, 1) }));
        await access(c2, alice, 'assistance_planning', 2);
        await access(c1, bob, 'complaint_investigation', 3);
        await access(c2, carol, 'identification', 4, 'cli');
        await append(c1, [{ type: 'ConsentGiven', at: day(T0, 4), data: { purpose: 'assistance' } }]);
        await access(c1, alice, 'case_management', 5, 'export');
        await project();
        const reads = (await log.eventStore.readAll({ limit: 1000 })).filter(
          (event) => event.type === 'PersonalDataAccessed',
        );
        reads.forEach((event, i) => (POSITION_OF_DAY[i + 1] = event.position));
      });

      it('answers by case, oldest first: who, in which role and agency, why, through what, when', async () => {
        expect(await store.accessLog({ caseId: c1 })).toStrictEqual([
          entry(c1, alice, 'assistance_planning', 1),
          entry(c1, bob, 'complaint_investigation', 3),
          entry(c1, alice, 'case_management', 5, 'export'),
        ]);
        expect(await store.accessLog({ caseId: c2 })).toStrictEqual([
          entry(c2, alice, 'assistance_planning', 2),
          entry(c2, carol, 'identification', 4, 'cli'),
        ]);
        expect(await store.accessLog({ caseId: randomUUID() })).toEqual([]);
      });

      it('answers by user across cases, and by user and case together', async () => {
        expect(await store.accessLog({ userId: alice.userId })).toStrictEqual([
          entry(c1, alice, 'assistance_planning', 1),
          entry(c2, alice, 'assistance_planning', 2),
          entry(c1, alice, 'case_management', 5, 'export'),
        ]);
        expect(await store.accessLog({ userId: carol.userId })).toStrictEqual([
          entry(c2, carol, 'identification', 4, 'cli'),
        ]);
        expect(await store.accessLog({ caseId: c1, userId: alice.userId })).toStrictEqual([
          entry(c1, alice, 'assistance_planning', 1),
          entry(c1, alice, 'case_management', 5, 'export'),
        ]);
        expect(await store.accessLog({ caseId: c2, userId: bob.userId })).toEqual([]);
        expect(await store.accessLog({ userId: 'u-nobody' })).toEqual([]);
      });

      it('answers every access without a filter, and only the newest ones under a limit', async () => {
        const everything = await store.accessLog({});
        expect(everything.map((e) => e.at)).toEqual([1, 2, 3, 4, 5].map((d) => day(T0, d)));
        expect(await store.accessLog({ limit: 2 })).toStrictEqual(everything.slice(3));
        expect(await store.accessLog({ limit: 100 })).toStrictEqual(everything);
        expect(await store.accessLog({ userId: alice.userId, limit: 2 })).toStrictEqual([
          entry(c2, alice, 'assistance_planning', 2),
          entry(c1, alice, 'case_management', 5, 'export'),
        ]);
        expect(await store.accessLog({ caseId: c1, userId: bob.userId, limit: 1 })).toStrictEqual([
          entry(c1, bob, 'complaint_investigation', 3),
        ]);
        for (const limit of [0, -1, 1.5]) {
          await expect(store.accessLog({ limit })).rejects.toThrow(RangeError);
        }
      });

      it('answers a time range (from inclusive, to exclusive) with the other filters, and counts it', async () => {
        expect(await store.accessLog({ from: day(T0, 2), to: day(T0, 5) })).toStrictEqual([
          entry(c2, alice, 'assistance_planning', 2),
          entry(c1, bob, 'complaint_investigation', 3),
          entry(c2, carol, 'identification', 4, 'cli'),
        ]);
        expect(await store.accessLog({ from: day(T0, 5) })).toStrictEqual([
          entry(c1, alice, 'case_management', 5, 'export'),
        ]);
        expect(await store.accessLog({ to: day(T0, 2) })).toStrictEqual([
          entry(c1, alice, 'assistance_planning', 1),
        ]);
        expect(await store.accessLog({ caseId: c1, userId: alice.userId, from: day(T0, 2) })).toStrictEqual([
          entry(c1, alice, 'case_management', 5, 'export'),
        ]);
        expect(await store.accessLog({ from: day(T0, 3), to: day(T0, 3) })).toEqual([]);
        expect(await store.countAccessLog({})).toBe(5);
        expect(await store.countAccessLog({ from: day(T0, 2), to: day(T0, 5) })).toBe(3);
        expect(await store.countAccessLog({ caseId: c1, from: day(T0, 2) })).toBe(2);
        expect(await store.countAccessLog({ userId: 'u-nobody' })).toBe(0);
        // Compared as text, only the log's own form orders as time: anything else is refused.
        for (const from of ['2025-01-07', '2025-01-07T09:00:00Z', 'yesterday']) {
          await expect(store.accessLog({ from })).rejects.toThrow(RangeError);
          await expect(store.countAccessLog({ to: from })).rejects.toThrow(RangeError);
        }
      });

      it('answers a page of the matches, oldest first, and refuses a bad page', async () => {
        const everything = await store.accessLog({});
        expect(await store.accessLog({ page: { offset: 0, size: 2 } })).toStrictEqual(everything.slice(0, 2));
        expect(await store.accessLog({ page: { offset: 2, size: 2 } })).toStrictEqual(everything.slice(2, 4));
        expect(await store.accessLog({ page: { offset: 4, size: 2 } })).toStrictEqual(everything.slice(4));
        expect(await store.accessLog({ page: { offset: 9, size: 2 } })).toEqual([]);
        expect(await store.accessLog({ userId: alice.userId, page: { offset: 1, size: 1 } })).toStrictEqual([
          entry(c2, alice, 'assistance_planning', 2),
        ]);
        expect(
          await store.accessLog({ caseId: c1, from: day(T0, 2), page: { offset: 1, size: 5 } }),
        ).toStrictEqual([entry(c1, alice, 'case_management', 5, 'export')]);
        for (const page of [
          { offset: -1, size: 2 },
          { offset: 0, size: 0 },
          { offset: 1.5, size: 2 },
        ]) {
          await expect(store.accessLog({ page })).rejects.toThrow(RangeError);
        }
        await expect(store.accessLog({ limit: 2, page: { offset: 0, size: 2 } })).rejects.toThrow(RangeError);
      });

      it('keeps one entry per access when the log is applied again', async () => {
        const before = await store.accessLog({});
        const head = await log.eventStore.headPosition();
        const projection = accessLogProjection();
        // A crash after the writes, before the checkpoint: everything comes again.
        await underTest.rewindCheckpoint(projection.name, 0);
        await project();
        const events = await log.eventStore.readAll();
        const firstAccess = events.find((e) => e.streamId === `access-${c1}`)!;
        await underTest.rewindCheckpoint(projection.name, firstAccess.position - 1);
        await projection.handle([firstAccess, firstAccess]);

        expect(await store.accessLog({})).toStrictEqual(before);
        expect(before).toHaveLength(5);
        await project();
        expect(await projection.checkpoint()).toBe(head);
        expect(await store.accessLog({})).toStrictEqual(before);
      });

      it('gives the same answers after a rebuild', async () => {
        const queries = [{}, { caseId: c1 }, { userId: alice.userId }, { caseId: c2, userId: carol.userId }];
        const before = await Promise.all(queries.map((q) => store.accessLog(q)));

        await rebuildProjections(log.eventStore, store, { pageSize: 3 });

        expect(await Promise.all(queries.map((q) => store.accessLog(q)))).toStrictEqual(before);
        expect(before[0]).toHaveLength(5);
      });

      it('ignores other events, in access streams or not, and copies nothing personal', async () => {
        const other = {
          ...accessEvent({ caseId: c1, actor: bob, purpose: 'x', at: T0 }),
          type: 'AccessReviewed',
        };
        await log.eventStore.append(`access-${c1}`, [other], 'any');
        // Outside an access stream, the same type is not a read of a case's file.
        await log.eventStore.append(
          'node-audit',
          [accessEvent({ caseId: c1, actor: bob, purpose: 'y', at: T0 })],
          'any',
        );
        // Should an access ever carry personal data, none of it reaches the access log.
        await log.eventStore.append(
          `access-${c2}`,
          [
            {
              ...accessEvent({ caseId: c2, actor: bob, purpose: 'audit_sample', at: day(T0, 6) }),
              personal: await log.cipher.encrypt(`victim:${c2}`, { familyName: 'Ciobanu' }),
            },
          ],
          'any',
        );
        await project();

        const everything = await store.accessLog({});
        expect(everything).toHaveLength(6);
        POSITION_OF_DAY[6] = await log.eventStore.headPosition();
        expect(everything.at(-1)).toStrictEqual(entry(c2, bob, 'audit_sample', 6));
        expect(await store.accessLog({ caseId: c1 })).toHaveLength(3);
        expect(JSON.stringify(everything)).not.toMatch(/ciphertext|subjectId/);
        // Access events are no case: no case, no history line.
        expect((await store.listCases({ page: 1, pageSize: 10, now: T0 })).total).toBe(2);
        expect((await store.getHistory(c1)).map((e) => e.type)).not.toContain('PersonalDataAccessed');
        const head = await log.eventStore.headPosition();
        for (const projection of store.projections()) expect(await projection.checkpoint()).toBe(head);
      });
    });

    it('upcasts old events before projecting them', async () => {
      const caseId = randomUUID();
      const [registered, reflection] = registration({ caseId, at: T0 });
      const { formsOfExploitation: _forms, meansOfControl: _means, ...v2 } = registered.data;
      await append(caseId, [
        { ...registered, schemaVersion: 1, data: { ...v2, formOfExploitation: 'forced_begging' } },
        reflection,
      ]);
      await project();
      expect((await store.getCase(caseId))?.registration).toMatchObject({
        formsOfExploitation: ['forced_begging'],
        meansOfControl: [],
      });
      expect((await store.getHistory(caseId))[0].data).toMatchObject({
        formsOfExploitation: ['forced_begging'],
      });
    });

    describe('statistics', () => {
      const counted = (at: { year: number; quarter: number }, count: number) =>
        STATISTICS_WALK_FACTS.map(([table, category]) => ({ table, category, ...at, count }));

      it('counts each case’s non-personal facts per table, category and quarter of recording, sorted', async () => {
        const first = randomUUID();
        const second = randomUUID();
        await append(first, statisticsWalk(first, '2025-02-10T09:00:00.000Z'));
        await append(second, statisticsWalk(second, '2025-03-31T23:59:59.000Z'));
        const third = randomUUID();
        await append(third, statisticsWalk(third, '2025-04-01T00:00:00.000Z'));
        await project();

        expect(await store.statisticsCounts()).toEqual(
          [...counted({ year: 2025, quarter: 1 }, 2), ...counted({ year: 2025, quarter: 2 }, 1)].sort(
            (a, b) => byTableAndCategory(a, b) || a.quarter - b.quarter,
          ),
        );
      });

      it('holds nothing personal and no case id, and counts a case once when its events are applied again', async () => {
        const caseId = randomUUID();
        await append(caseId, statisticsWalk(caseId, '2025-05-05T09:00:00.000Z'));
        await project();
        await project();
        await underTest.rewindCheckpoint(PROJECTION_NAMES.statistics, 0);
        await project();
        const counts = await store.statisticsCounts();
        expect(counts).toEqual(counted({ year: 2025, quarter: 2 }, 1).sort(byTableAndCategory));
        const text = JSON.stringify(counts);
        for (const secret of [caseId, 'Ana', 'Ciobanu', '2004-03-09', 'credible account']) {
          expect(text).not.toContain(secret);
        }
      });

      it('leaves a case out while the victim asks to keep it secret, the same after a rebuild', async () => {
        const caseId = randomUUID();
        await append(caseId, statisticsWalk(caseId, '2025-05-05T09:00:00.000Z'));
        await project();
        const wishes = (statementId: string, list: string[], at: string) => ({
          type: 'VictimWishesStated',
          at,
          data: { statementId, wishes: list, statedAt: at },
        });
        await append(caseId, [wishes('w1', ['keep_case_secret'], '2025-06-01T09:00:00.000Z')]);
        await project();
        expect(await store.statisticsCounts()).toEqual([]);
        await append(caseId, [
          wishes('w2', ['placed_in_safety'], '2025-07-01T09:00:00.000Z'),
          {
            type: 'ServiceReferred',
            at: '2025-08-01T09:00:00.000Z',
            data: { serviceId: 'svc-secret', kind: 'medical', provider: 'CLINIC-9' },
          },
        ]);
        await project();
        const after = [
          { table: 'services-referred-by-agency', category: 'CLINIC-9', year: 2025, quarter: 3, count: 1 },
          { table: 'services-referred-by-kind', category: 'medical', year: 2025, quarter: 3, count: 1 },
        ];
        expect(await store.statisticsCounts()).toEqual(after);
        await rebuildProjections(log.eventStore, store);
        expect(await store.statisticsCounts()).toEqual(after);
      });

      it('answers nothing for an empty log, and the same after a rebuild', async () => {
        expect(await store.statisticsCounts()).toEqual([]);
        const caseId = randomUUID();
        await append(caseId, statisticsWalk(caseId, '2024-11-05T09:00:00.000Z'));
        await project();
        const before = await store.statisticsCounts();
        await rebuildProjections(log.eventStore, store);
        expect(await store.statisticsCounts()).toEqual(before);
        expect(before).toHaveLength(STATISTICS_WALK_FACTS.length);
      });
    });

    describe('rebuild', () => {
      // Every third append is followed by a read of that case by one of three users.
      const populate = () => {
        let appends = 0;
        const users = [
          actor,
          { userId: 'u-2', role: 'auditor', agency: 'DPA' },
          { userId: 'u-3', role: 'admin' },
        ];
        return appendInterleavedWalks(T0, async (caseId, steps) => {
          await append(caseId, steps);
          if (++appends % 3 === 0) await access(caseId, users[(appends / 3) % 3], 'case_management', appends);
        });
      };

      it('produces exactly the read models that incremental projection built', async () => {
        const caseIds = await populate();
        const runner = new ProjectionRunner(log.eventStore, store);
        await runner.start();
        await runner.waitForPosition(await log.eventStore.headPosition(), 20_000);
        await runner.stop();
        const now = day(T0, 40);
        const incremental = await snapshotReadModels(store, caseIds, now);
        expect(incremental.list.total).toBe(12);
        expect(new Set(incremental.list.items.map((i) => i.stage)).size).toBeGreaterThan(4);
        expect(incremental.accessLog.length).toBeGreaterThan(20);
        expect(new Set(incremental.accessLog.map((e) => e.userId)).size).toBe(3);

        const result = await rebuildProjections(log.eventStore, store, { pageSize: 7 });

        const head = await log.eventStore.headPosition();
        expect(result).toEqual({ events: head, position: head });
        expect(await snapshotReadModels(store, caseIds, now)).toEqual(incremental);
      });

      it('drops what the read models held before, even documents the log does not explain', async () => {
        const caseIds = await populate();
        await project();
        const expected = await snapshotReadModels(store, caseIds, T0);
        // A case written by a buggy projection version: a rebuild must not keep it.
        const stray = randomUUID();
        const head = await log.eventStore.headPosition();
        const [first] = await log.eventStore.readAll({ limit: 1 });
        const strayAccess = accessEvent({ caseId: stray, actor, purpose: 'p', at: T0 });
        for (const projection of store.projections()) {
          await projection.handle([
            { ...first, id: randomUUID(), streamId: `case-${stray}`, position: head + 1 },
            { ...first, ...strayAccess, streamId: `access-${stray}`, revision: 0, position: head + 2 },
          ]);
        }
        expect(await store.getCase(stray)).toBeDefined();
        expect(await store.getHistory(stray)).toHaveLength(1);
        expect(await store.accessLog({ caseId: stray })).toHaveLength(1);

        await rebuildProjections(log.eventStore, store);

        expect(await store.getCase(stray)).toBeUndefined();
        expect(await store.getHistory(stray)).toEqual([]);
        expect(await store.accessLog({ caseId: stray })).toEqual([]);
        expect(await snapshotReadModels(store, caseIds, T0)).toEqual(expected);
        for (const projection of store.projections()) expect(await projection.checkpoint()).toBe(head);
      });
    });

    describe('rows', () => {
      const collect = async (source: ReadModelStore) => {
        const rows: ReadModelRow[] = [];
        for await (const row of source.rows()) rows.push(row);
        return rows;
      };

      it('yields every row of every read model in order, as a SQLite store rebuilt from the same log does', async () => {
        const caseId = randomUUID();
        await append(caseId, walkToHandover(caseId, T0));
        await access(caseId, actor, 'assistance_planning', 40);
        // Projected in two batches: rows do not depend on how the events were batched.
        const events = await log.eventStore.readAll({ limit: 100_000 });
        for (const projection of store.projections()) await projection.handle(events.slice(0, 5));
        await project();

        const rows = await collect(store);

        const head = await log.eventStore.headPosition();
        expect(rows.map((r) => r.model)).toEqual([
          'case-detail',
          ...Array<string>(17).fill('case-history'),
          'access-log',
          'case-statistics',
        ]);
        expect(rows[0]).toMatchObject({
          key: caseId,
          caseId,
          value: {
            lastPosition: 17,
            listing: {
              stage: 'handover_proposed',
              countryOfExploitation: 'DE',
              citizenship: 'MD',
              presumedMinor: false,
              nextDueAtMs: Date.parse(day(T0, 26)),
            },
            deadlines: [
              {
                kind: 'handover_response',
                ref: 'ho-1',
                dueAt: day(T0, 44),
                dueAtMs: Date.parse(day(T0, 44)),
              },
              {
                kind: 'law_enforcement_request_answer',
                ref: 'le-1',
                dueAt: day(T0, 41),
                dueAtMs: Date.parse(day(T0, 41)),
              },
              { kind: 'monitoring_visit', ref: '', dueAt: day(T0, 101), dueAtMs: Date.parse(day(T0, 101)) },
              {
                kind: 'service_referral_response',
                ref: 'svc-2',
                dueAt: day(T0, 26),
                dueAtMs: Date.parse(day(T0, 26)),
              },
            ],
            detail: { caseId, stage: 'handover_proposed', revision: 16 },
          },
        });
        const { agencies } = rows[0].value.listing as { agencies: string[] };
        expect(agencies.length).toBeGreaterThan(1);
        expect(agencies).toEqual([...agencies].sort());
        expect(rows[1]).toMatchObject({
          key: '1',
          caseId,
          value: { caseId, revision: 0, eventId: events[0].id },
        });
        expect(rows[18]).toEqual({
          model: 'access-log',
          key: String(head),
          caseId,
          value: {
            eventId: events[head - 1].id,
            caseId,
            userId: actor.userId,
            role: actor.role,
            agency: actor.agency,
            purpose: 'assistance_planning',
            channel: 'api',
            at: day(T0, 40),
          },
        });
        // The statistics: what the store counts, sorted, beside the projection's own state.
        const statistics = rows[19].value as { facts: unknown[]; counted: { table: string }[] };
        expect(rows[19]).toMatchObject({ model: 'case-statistics', key: caseId, caseId });
        expect(statistics.counted).toHaveLength(statistics.facts.length);
        expect(statistics.counted.map((fact) => fact.table)).toContain('registrations-by-sex');
        expect(statistics.counted.map((fact) => fact.table)).toEqual(
          [...statistics.counted.map((fact) => fact.table)].sort(),
        );

        const dir = mkdtempSync(join(tmpdir(), 'nrm-rows-reference-'));
        const reference = new SqliteReadModelStore({ file: join(dir, 'read-models.sqlite') });
        try {
          await rebuildProjections(log.eventStore, reference);
          expect(rows).toEqual(await collect(reference));
        } finally {
          await reference.close();
          rmSync(dir, { recursive: true, force: true });
        }
      });

      it('reads past a page: every row once, in log order', async () => {
        const caseId = randomUUID();
        await append(caseId, registration({ caseId, at: T0 }));
        for (let i = 0; i < 520; i++) await access(caseId, actor, 'case_management', 1);
        await project();

        const keys = (await collect(store)).filter((r) => r.model === 'access-log').map((r) => Number(r.key));

        expect(keys).toHaveLength(520);
        expect(keys).toEqual([...keys].sort((a, b) => a - b));
        expect(new Set(keys).size).toBe(520);
      });

      it('yields nothing for an empty store', async () => {
        expect(await collect(store)).toEqual([]);
      });
    });

    it('reset empties every read model and sets every checkpoint to 0', async () => {
      // (statistics included: snapshotReadModels reads them)
      const caseId = randomUUID();
      await append(caseId, walkToHandover(caseId, T0));
      await access(caseId, actor, 'assistance_planning', 40);
      await project();
      const expected = await snapshotReadModels(store, [caseId], T0);
      expect(expected.accessLog).toHaveLength(1);

      await store.reset();

      expect(await store.listCases({ page: 1, pageSize: 10, now: T0 })).toEqual({ items: [], total: 0 });
      expect(await store.getCase(caseId)).toBeUndefined();
      expect(await store.getHistory(caseId)).toEqual([]);
      expect(await store.accessLog({})).toEqual([]);
      expect(await store.statisticsCounts()).toEqual([]);
      for (const projection of store.projections()) expect(await projection.checkpoint()).toBe(0);
      await project();
      expect(await snapshotReadModels(store, [caseId], T0)).toEqual(expected);
    });
  });
}

function byTableAndCategory(
  a: { table: string; category: string },
  b: { table: string; category: string },
): number {
  const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return compare(a.table, b.table) || compare(a.category, b.category);
}
