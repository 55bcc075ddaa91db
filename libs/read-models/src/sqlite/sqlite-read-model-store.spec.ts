import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { revealPersonalData } from '../case-view/reveal-personal-data';
import { day, record, registration, walkToHandover } from '../testing/case-fixtures';
import { Harness, openHarness } from '../testing/harness';
import { SqliteReadModelStore } from './sqlite-read-model-store';
import { READ_MODEL_SCHEMA_VERSION } from './schema';

const T0 = '2025-01-06T09:00:00.000Z';

describe('SqliteReadModelStore', () => {
  let h: Harness;
  beforeEach(() => {
    h = openHarness();
  });
  afterEach(() => h.close());

  describe('a walked case', () => {
    const caseId = randomUUID();
    beforeEach(async () => {
      await record(h.eventStore, h.cipher, caseId, walkToHandover(caseId, T0));
      await h.project();
    });

    it('is listed with its stage, codes, dates and open deadlines', async () => {
      const now = day(T0, 35);
      const { items, total } = await h.readModels.listCases({ page: 1, pageSize: 10, now });
      expect(total).toBe(1);
      expect(items[0]).toEqual({
        caseId,
        stage: 'handover_proposed',
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
        ],
        overdue: true,
      });
    });

    it('has a detail view with every context and the person only as ciphertext', async () => {
      const detail = await h.readModels.getCase(caseId);
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
      expect(JSON.stringify(detail)).not.toMatch(/Ana|Ciobanu|2004-03-09|credible account/);

      const revealed = await revealPersonalData(detail!, h.cipher);
      expect(revealed.person).toEqual({
        status: 'ok',
        value: { givenName: 'Ana', familyName: 'Ciobanu', dateOfBirth: '2004-03-09' },
      });
      expect(revealed.guardianName).toEqual({ status: 'absent' });
    });

    it("reads the person as erased once the subject's key is shredded", async () => {
      await h.cipher.shred(`victim:${caseId}`);
      const revealed = await revealPersonalData((await h.readModels.getCase(caseId))!, h.cipher);
      expect(revealed.person).toEqual({ status: 'erased' });
    });

    it('has a history, oldest first, with the non-personal data only', async () => {
      const history = await h.readModels.getHistory(caseId);
      const stored = await h.eventStore.readStream(`case-${caseId}`);
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
      expect(await h.readModels.getHistory(randomUUID())).toEqual([]);
    });

    it('never writes a name in clear to the read model files', async () => {
      const db = new Database(h.readModelFile);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      const files = [h.readModelFile, `${h.readModelFile}-wal`]
        .filter(existsSync)
        .map((f) => readFileSync(f));
      expect(files.length).toBeGreaterThan(0);
      for (const bytes of files) {
        expect(bytes.includes('Ciobanu')).toBe(false);
        expect(bytes.includes('2004-03-09')).toBe(false);
      }
      expect(readFileSync(h.readModelFile).includes('handover_proposed')).toBe(true); // the scan does see content
    });
  });

  it('follows the stage through return to closure', async () => {
    const caseId = randomUUID();
    const stages: string[] = [];
    const { walkFromHandoverToClosure } = await import('../testing/case-fixtures');
    for (const step of [...walkToHandover(caseId, T0), ...walkFromHandoverToClosure(T0)]) {
      await record(h.eventStore, h.cipher, caseId, [step]);
      await h.project();
      const stage = (await h.readModels.getCase(caseId))!.stage;
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
    const detail = await h.readModels.getCase(caseId);
    expect(detail?.return.handovers[0]).toMatchObject({ status: 'received', receivingAgency: 'MD-NRM' });
    expect(detail?.closure).toEqual({ reason: 'reintegrated', closedAt: day(T0, 91) });
    // A closed case owes nothing, even with an unanswered referral.
    expect(detail?.deadlines).toEqual([]);
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
        });
        if (i < 2) {
          steps.push({
            type: 'IdentificationConcluded',
            at: day(at, 5),
            data: { status: 'identified', decidingBody: 'police', formsOfExploitation: [] },
            personal: { reasons: 'r' },
          });
        }
        await record(h.eventStore, h.cipher, caseId, steps);
      }
      await h.project();
    });
    const now = day(T0, 1);
    const ids = (items: { caseId: string }[]) => items.map((i) => Number(i.caseId.slice(-1)));

    it('lists newest first, a page at a time, with the total of all matches', async () => {
      const first = await h.readModels.listCases({ page: 1, pageSize: 4, now });
      const third = await h.readModels.listCases({ page: 3, pageSize: 4, now });
      expect(first.total).toBe(10);
      expect(ids(first.items)).toEqual([9, 8, 7, 6]);
      expect(ids(third.items)).toEqual([1, 0]);
      expect((await h.readModels.listCases({ page: 4, pageSize: 4, now })).items).toEqual([]);
    });

    it('filters by stage, country and citizenship, alone or together', async () => {
      const identified = await h.readModels.listCases({ stage: 'identified', page: 1, pageSize: 10, now });
      expect(ids(identified.items)).toEqual([1, 0]);
      expect(identified.total).toBe(2);

      const italy = await h.readModels.listCases({ country: 'IT', page: 1, pageSize: 2, now });
      expect(italy.total).toBe(3);
      expect(ids(italy.items)).toEqual([9, 8]);

      const germanyRegistered = await h.readModels.listCases({
        country: 'DE',
        stage: 'registered',
        page: 1,
        pageSize: 10,
        now,
      });
      expect(ids(germanyRegistered.items)).toEqual([6, 5, 4, 3, 2]);
      expect(
        (await h.readModels.listCases({ country: 'DE', citizenship: 'UA', page: 1, pageSize: 10, now }))
          .total,
      ).toBe(3);
      expect((await h.readModels.listCases({ country: 'FR', page: 1, pageSize: 10, now })).total).toBe(0);
    });

    it('rejects a page or page size out of range', async () => {
      await expect(h.readModels.listCases({ page: 0, pageSize: 10, now })).rejects.toThrow(RangeError);
      await expect(h.readModels.listCases({ page: 1, pageSize: 0, now })).rejects.toThrow(RangeError);
      await expect(h.readModels.listCases({ page: 1, pageSize: 10_000, now })).rejects.toThrow(RangeError);
      await expect(h.readModels.listCases({ page: 1, pageSize: 10, now: 'yesterday' })).rejects.toThrow(
        RangeError,
      );
    });
  });

  describe('overdue, judged against the query time', () => {
    const caseId = randomUUID();
    const list = async (now: string, overdue?: boolean) =>
      (await h.readModels.listCases({ page: 1, pageSize: 10, now, overdue })).items;

    it('flags an identification still pending after the reflection period, until it is concluded', async () => {
      await record(h.eventStore, h.cipher, caseId, registration({ caseId, at: T0, reflectionDays: 30 }));
      await h.project();
      const [onLastDay] = await list(day(T0, 30));
      expect(onLastDay.deadlines).toEqual([
        { kind: 'identification_decision', dueAt: day(T0, 30), overdue: false },
      ]);
      expect(onLastDay.overdue).toBe(false);
      expect((await list(day(T0, 31)))[0].overdue).toBe(true);

      await record(h.eventStore, h.cipher, caseId, [
        { type: 'ReflectionPeriodExtended', at: day(T0, 20), data: { endsAt: day(T0, 60), days: 60 } },
      ]);
      await h.project();
      expect((await list(day(T0, 31)))[0].overdue).toBe(false);
      expect((await list(day(T0, 61)))[0].overdue).toBe(true);

      await record(h.eventStore, h.cipher, caseId, [
        {
          type: 'IdentificationConcluded',
          at: day(T0, 62),
          data: { status: 'not_identified', decidingBody: 'police', formsOfExploitation: [] },
          personal: { reasons: 'r' },
        },
      ]);
      await h.project();
      const [concluded] = await list(day(T0, 100));
      expect(concluded).toMatchObject({ stage: 'not_identified', overdue: false, deadlines: [] });
    });

    it('flags a handover without answer after responseDueAt, and a referral unanswered for 14 days', async () => {
      await record(h.eventStore, h.cipher, caseId, walkToHandover(caseId, T0));
      await h.project();
      const status = async (now: string) =>
        Object.fromEntries((await list(now))[0].deadlines.map((d) => [d.kind, d.overdue]));
      expect(await status(day(T0, 25))).toEqual({
        handover_response: false,
        service_referral_response: false,
      });
      expect(await status(day(T0, 27))).toEqual({
        handover_response: false,
        service_referral_response: true,
      });
      expect(await status(day(T0, 45))).toEqual({ handover_response: true, service_referral_response: true });

      await record(h.eventStore, h.cipher, caseId, [
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
      await h.project();
      expect((await list(day(T0, 47)))[0]).toMatchObject({
        stage: 'handover_declined',
        deadlines: [],
        overdue: false,
      });
    });

    it('filters on being overdue at `now`', async () => {
      const late = randomUUID();
      await record(h.eventStore, h.cipher, caseId, registration({ caseId, at: T0, reflectionDays: 60 }));
      await record(h.eventStore, h.cipher, late, registration({ caseId: late, at: T0, reflectionDays: 30 }));
      await h.project();
      expect((await list(day(T0, 40), true)).map((i) => i.caseId)).toEqual([late]);
      expect((await list(day(T0, 40), false)).map((i) => i.caseId)).toEqual([caseId]);
      expect(await list(day(T0, 10), true)).toEqual([]);
    });
  });

  describe('checkpoints', () => {
    it('ignores events at or below the checkpoint, so reprocessing changes nothing', async () => {
      const caseId = randomUUID();
      await record(h.eventStore, h.cipher, caseId, walkToHandover(caseId, T0));
      await h.project();
      const detail = await h.readModels.getCase(caseId);
      const history = await h.readModels.getHistory(caseId);
      const head = await h.eventStore.headPosition();
      for (const projection of h.readModels.projections()) expect(await projection.checkpoint()).toBe(head);

      await h.project(); // the whole log again
      const events = await h.eventStore.readAll();
      for (const projection of h.readModels.projections()) await projection.handle([events[5], events[9]]);

      expect(await h.readModels.getCase(caseId)).toEqual(detail); // risks would be listed twice otherwise
      expect(await h.readModels.getHistory(caseId)).toEqual(history);
    });

    it('applies the part of a batch above the checkpoint', async () => {
      const caseId = randomUUID();
      await record(h.eventStore, h.cipher, caseId, walkToHandover(caseId, T0));
      const events = await h.eventStore.readAll();
      for (const projection of h.readModels.projections()) await projection.handle(events.slice(0, 10));
      for (const projection of h.readModels.projections()) await projection.handle(events.slice(5));
      expect(await h.readModels.getHistory(caseId)).toHaveLength(events.length);
      expect((await h.readModels.getCase(caseId))?.assessments.risks).toHaveLength(1);
    });

    it('leaves data and checkpoint untouched when a batch fails midway', async () => {
      const caseId = randomUUID();
      await record(h.eventStore, h.cipher, caseId, registration({ caseId, at: T0 }));
      await h.project();
      const before = await h.readModels.getCase(caseId);
      await record(h.eventStore, h.cipher, caseId, [
        { type: 'AgeAssessed', at: day(T0, 1), data: { presumedMinor: true, method: 'interview' } },
        // written by a newer node: this code cannot read it, so the whole batch must not apply
        { type: 'RiskAssessed', at: day(T0, 2), data: { kind: 'general', level: 'high' }, schemaVersion: 9 },
      ]);
      const [cases] = h.readModels.projections();
      const checkpoint = await cases.checkpoint();

      await expect(cases.handle(await h.eventStore.readAll())).rejects.toThrow(/schema version 9/);

      expect(await cases.checkpoint()).toBe(checkpoint);
      expect(await h.readModels.getCase(caseId)).toEqual(before);
    });

    it('keeps checkpoints across restarts', async () => {
      const caseId = randomUUID();
      await record(h.eventStore, h.cipher, caseId, registration({ caseId, at: T0 }));
      await h.project();
      await h.readModels.close();
      const reopened = new SqliteReadModelStore({ file: h.readModelFile });
      try {
        const head = await h.eventStore.headPosition();
        for (const projection of reopened.projections()) expect(await projection.checkpoint()).toBe(head);
        expect((await reopened.getCase(caseId))?.caseId).toBe(caseId);
      } finally {
        await reopened.close();
        h.readModels = new SqliteReadModelStore({ file: h.readModelFile });
      }
    });
  });

  it('upcasts old events before projecting them', async () => {
    const caseId = randomUUID();
    const [registered, reflection] = registration({ caseId, at: T0 });
    const { formsOfExploitation: _forms, meansOfControl: _means, ...v2 } = registered.data;
    await record(h.eventStore, h.cipher, caseId, [
      { ...registered, schemaVersion: 1, data: { ...v2, formOfExploitation: 'forced_begging' } },
      reflection,
    ]);
    await h.project();
    expect((await h.readModels.getCase(caseId))?.registration).toMatchObject({
      formsOfExploitation: ['forced_begging'],
      meansOfControl: [],
    });
    expect((await h.readModels.getHistory(caseId))[0].data).toMatchObject({
      formsOfExploitation: ['forced_begging'],
    });
  });

  it('ignores streams that are not cases, yet moves past them', async () => {
    await h.eventStore.append(
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
    await h.project();
    expect((await h.readModels.listCases({ page: 1, pageSize: 10, now: T0 })).total).toBe(0);
    for (const projection of h.readModels.projections()) expect(await projection.checkpoint()).toBe(1);
  });

  it('starts over, empty, on a database made by another read model version', async () => {
    const caseId = randomUUID();
    await record(h.eventStore, h.cipher, caseId, registration({ caseId, at: T0 }));
    await h.project();
    await h.readModels.close();
    const db = new Database(h.readModelFile);
    db.pragma(`user_version = ${READ_MODEL_SCHEMA_VERSION + 1}`);
    db.close();

    h.readModels = new SqliteReadModelStore({ file: h.readModelFile });
    expect(await h.readModels.getCase(caseId)).toBeUndefined();
    for (const projection of h.readModels.projections()) expect(await projection.checkpoint()).toBe(0);
    await h.project();
    expect((await h.readModels.getCase(caseId))?.caseId).toBe(caseId);
  });
});
