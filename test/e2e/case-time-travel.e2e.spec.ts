import { ok } from '@nrm/api-client';
import { ALL_OPERATOR_ROLES, NodeHarness, PASSWORD, REGISTRATION } from '../support/node-harness';

/**
 * Auditors replay history: GET /api/cases/:id?asOf= folds the case's events from the log with the live
 * projection's code, under the live view's rules for personal data; GET /api/cases/:id/changes lists
 * what each event changed, field by field, with who and when.
 */
describe('a case as it was (HTTP)', () => {
  let node: NodeHarness;
  let caseId: string;
  let history: { revision: number; type: string; occurredAt: string }[];
  const unknownCase = '0b7c5a70-4a8e-4b8e-9a64-3c1f2f6f9d11';

  const asOf = (as: string, query: string, id = caseId) =>
    node.request('GET', `/api/cases/${id}?${query}`, { as });
  const changes = (as: string, query = '', id = caseId) =>
    node.request('GET', `/api/cases/${id}/changes${query}`, { as });
  const accessLog = async () =>
    (await node.request('GET', `/api/audit/access-log?caseId=${caseId}`, { as: 'auditor' })).body.items as {
      role: string;
      purpose: string;
    }[];
  const revisionOf = (type: string) => history.find((entry) => entry.type === type)!.revision;

  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(ALL_OPERATOR_ROLES);
    await node.registerAgencies(['shelter-ngo-2']);
    caseId = (await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION }))
      .body.caseId;
    // Apart in time, so that a moment between two events exists at millisecond precision.
    await new Promise((resolve) => setTimeout(resolve, 25));
    const consent = await node.request('POST', `/api/cases/${caseId}/consents`, {
      as: 'identification_officer',
      body: { purpose: 'assistance', granted: true },
    });
    expect(consent.status).toBe(201);
    const identified = await node.request('POST', `/api/cases/${caseId}/identification`, {
      as: 'identification_officer',
      body: { decision: 'identified', reasons: 'indicators confirmed' },
    });
    expect(identified.status).toBe(201);
    history = (await node.request('GET', `/api/cases/${caseId}/events`, { as: 'auditor' })).body.items;
  });
  afterAll(() => node.stop());

  it('shows the case at its registration, and identified after the decision', async () => {
    const first = await asOf('auditor', 'asOf=0');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      caseId,
      stage: 'registered',
      identification: { status: 'pending' },
      consents: [],
      revision: 0,
      asOf: { revision: 0, occurredAt: history[0].occurredAt },
    });
    const decided = revisionOf('IdentificationConcluded');
    const later = await asOf('auditor', `asOf=${decided}`);
    expect(later.body).toMatchObject({
      stage: 'identified',
      identification: { status: 'identified' },
      asOf: { revision: decided },
    });
    // The last revision reads as the live view does (but for the moment it stands for).
    const live = (await node.request('GET', `/api/cases/${caseId}`, { as: 'auditor' })).body;
    const { asOf: _moment, ...past } = (await asOf('auditor', `asOf=${history.length - 1}`)).body;
    expect(past).toEqual(live);
  });

  it('shows the case as of a time: after the last event that occurred by then', async () => {
    const consented = revisionOf('ConsentGiven');
    const before = Date.parse(history[consented - 1].occurredAt);
    const after = Date.parse(history[consented].occurredAt);
    expect(after).toBeGreaterThan(before);
    const between = new Date(Math.floor((before + after) / 2)).toISOString();
    const res = await asOf('auditor', `asOf=${encodeURIComponent(between)}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ consents: [], asOf: { revision: consented - 1 } });
    const then = await asOf('auditor', `asOf=${encodeURIComponent(history[consented].occurredAt)}`);
    expect(then.body.asOf.revision).toBe(consented);
    expect(then.body.consents).toEqual([expect.objectContaining({ purpose: 'assistance', status: 'given' })]);
    expect((await asOf('auditor', 'asOf=2000-01-01T00:00:00Z')).status).toBe(404);
  });

  it('shows the person to a case worker under a purpose, logged as the live view logs it', async () => {
    const logged = (await accessLog()).length;
    const res = await asOf('case_manager', 'asOf=0&purpose=audit_review');
    expect(res.body.person).toEqual({ givenName: 'Ileana', familyName: 'Vrabie', dateOfBirth: '1996-03-02' });
    const entries = await accessLog();
    expect(entries).toHaveLength(logged + 1);
    expect(entries[entries.length - 1]).toMatchObject({ role: 'case_manager', purpose: 'audit_review' });
    expect((await asOf('case_manager', 'asOf=0&includePerson=false')).body.person).toBeUndefined();
    expect(await accessLog()).toHaveLength(logged + 1);
  });

  it('hides the person from an auditor who states no purpose, and logs nothing', async () => {
    const logged = (await accessLog()).length;
    expect((await asOf('auditor', 'asOf=0')).body.person).toBeUndefined();
    expect(await accessLog()).toHaveLength(logged);
    const stated = await asOf('auditor', 'asOf=0&purpose=audit_review');
    expect(stated.body.person).toMatchObject({ familyName: 'Vrabie' });
    expect(await accessLog()).toHaveLength(logged + 1);
  });

  it('lists what each event changed, with who and when', async () => {
    const decided = revisionOf('IdentificationConcluded');
    const res = await changes('auditor', `?from=${decided - 1}&to=${decided}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      caseId,
      from: decided - 1,
      to: decided,
      lastRevision: history.length - 1,
    });
    expect(res.body.items).toEqual([
      {
        revision: decided,
        occurredAt: history[decided].occurredAt,
        type: 'IdentificationConcluded',
        actor: expect.objectContaining({ role: 'identification_officer', agency: 'national-nrm-office' }),
        changes: expect.arrayContaining([
          { path: '/stage', from: 'registered', to: 'identified' },
          { path: '/identification/status', from: 'pending', to: 'identified' },
        ]),
      },
    ]);
  });

  it('lists the whole history by default, without personal data, through the typed client', async () => {
    const all = await ok(
      node.api('auditor').GET('/api/cases/{id}/changes', { params: { path: { id: caseId }, query: {} } }),
    );
    expect(all.items.map((item) => item.revision)).toEqual(history.map((entry) => entry.revision));
    expect(all.next).toBeUndefined();
    expect(all.items[0].changes).toEqual(
      expect.arrayContaining([
        { path: '/stage', to: 'registered' },
        expect.objectContaining({ path: '/registration' }),
      ]),
    );
    expect(JSON.stringify(all)).not.toMatch(/Vrabie|Ileana|ciphertext/);
    const page = await changes('auditor', '?to=1');
    expect(page.body.items.map((item: { revision: number }) => item.revision)).toEqual([0, 1]);
    expect(page.body.next).toBe(1);
  });

  it('refuses a malformed asOf or range (400), a range that ends before it starts (422), and a revision the case does not have (404)', async () => {
    for (const bad of ['yesterday', '-1', '01', '1.5', '2026-13-01T00:00:00Z', '2026-01-01']) {
      expect({ bad, status: (await asOf('auditor', `asOf=${encodeURIComponent(bad)}`)).status }).toEqual({
        bad,
        status: 400,
      });
    }
    expect((await asOf('auditor', 'asOf=99')).status).toBe(404);
    expect((await changes('auditor', '?to=99')).status).toBe(404);
    // Well-formed, but an empty range: refused as a request (422 invalid-request), like a too long one.
    expect((await changes('auditor', '?from=3&to=2')).body).toMatchObject({
      status: 422,
      rule: 'invalid-request',
    });
    expect((await changes('auditor', '?from=-1')).status).toBe(400);
  });

  it('answers as the live route for an unknown case, a case out of scope and a role without reads', async () => {
    expect((await asOf('auditor', 'asOf=0', unknownCase)).status).toBe(404);
    expect((await changes('auditor', '', unknownCase)).status).toBe(404);
    const elsewhere = {
      username: 'case-manager-elsewhere',
      password: PASSWORD,
      role: 'case_manager',
      agency: 'shelter-ngo-2',
      country: node.config.country,
    };
    expect((await node.request('POST', '/api/users', { as: 'admin', body: elsewhere })).status).toBe(201);
    node.tokens.set('elsewhere', await node.login(elsewhere.username, PASSWORD));
    expect((await node.request('GET', `/api/cases/${caseId}`, { as: 'elsewhere' })).status).toBe(404);
    expect((await asOf('elsewhere', 'asOf=0')).status).toBe(404);
    expect((await changes('elsewhere')).status).toBe(404);
    expect((await asOf('admin', 'asOf=0')).status).toBe(403);
    expect((await changes('admin')).status).toBe(403);
  });

  it('keeps an erased person erased in the past too', async () => {
    const erased = await node.request('POST', `/api/cases/${caseId}/erasure`, {
      as: 'admin',
      body: { legalBasis: 'GDPR art. 17(1)(a)' },
    });
    expect(erased.status).toBe(201);
    const past = await asOf('case_manager', 'asOf=0&purpose=audit_review');
    expect(past.status).toBe(200);
    expect(past.body.person).toEqual({ erased: true });
    const erasure = await changes('auditor', `?from=${erased.body.revision - 1}`);
    expect(erasure.body.items).toHaveLength(1);
    expect(JSON.stringify(erasure.body)).not.toMatch(/Vrabie|Ileana/);
  });
});
