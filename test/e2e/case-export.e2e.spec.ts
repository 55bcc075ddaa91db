import { EVENT_STORE, EventStore } from '@nrm/event-store/port';
import { verifyCheckpoint } from '@nrm/event-store';
import { randomUUID } from 'node:crypto';
import {
  ADMIN,
  ALL_OPERATOR_ROLES,
  NodeHarness,
  PASSWORD,
  REGISTRATION,
  Response,
} from '../support/node-harness';

const PURPOSE = 'subject_access_request';
const GUARDIAN = { name: 'Maria Rusu', authority: 'Child Protection Authority' };
const NOTES = 'fears her recruiter';

/** GET /api/cases/:id/export: a data subject's access request or a court bundle, as a download. */
describe('case export (HTTP)', () => {
  let node: NodeHarness;
  let caseId: string;

  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(ALL_OPERATOR_ROLES);
    await node.registerAgencies(['shelter-ngo-2']);
    const admin = await node.login(ADMIN.username, ADMIN.password);
    const other = await node.request('POST', '/api/users', {
      token: admin,
      body: { username: 'b-case-manager', password: PASSWORD, role: 'case_manager', agency: 'shelter-ngo-2' },
    });
    expect(other.status).toBe(201);
    node.tokens.set('b.case_manager', await node.login('b-case-manager', PASSWORD));

    caseId = (await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION }))
      .body.caseId;
    // The victim consents to assistance: the case manager's use of their identity.
    await node.request('POST', `/api/cases/${caseId}/consents`, {
      as: 'identification_officer',
      body: { purpose: 'assistance', granted: true },
    });
    const command = async (as: string, path: string, body: object) =>
      expect((await node.request('POST', `/api/cases/${caseId}${path}`, { as, body })).status).toBe(201);
    await command('identification_officer', '/age-assessment', { presumedMinor: true, method: 'interview' });
    await command('identification_officer', '/guardian', GUARDIAN);
    await command('case_manager', '/risk-assessments', { kind: 'general', level: 'high', notes: NOTES });
  }, 60_000);
  afterAll(() => node.stop());

  const exportAs = (as: string, query: string, id = caseId) =>
    node.request('GET', `/api/cases/${id}/export${query}`, { as });
  const withPurpose = (purpose = PURPOSE) => `?purpose=${encodeURIComponent(purpose)}`;
  const accessLog = async () =>
    (await node.request('GET', `/api/audit/access-log?caseId=${caseId}`, { as: 'auditor' })).body
      .items as Record<string, unknown>[];
  const head = () => node.app.get<symbol, EventStore>(EVENT_STORE).headPosition();
  const eventOf = (res: Response, type: string) =>
    (res.body.events as { type: string }[]).find((e) => e.type === type) as Record<string, unknown>;

  it('answers a download: the case as its reader sees it, every event with its personal data, a signed checkpoint', async () => {
    const res = await exportAs('case_manager', withPurpose());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const day = String(res.body.exportedAt).slice(0, 10);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="case-${caseId}-${day}.json"`);
    expect(res.body).toMatchObject({
      format: 'nrm-case-export',
      node: { id: node.config.nodeId, country: node.config.country },
      exportedBy: { username: 'case-manager-user', role: 'case_manager', agency: 'national-nrm-office' },
      purpose: PURPOSE,
      channel: 'export',
      personalData: 'included',
      caseId,
      case: {
        caseId,
        person: { givenName: 'Ileana', familyName: 'Vrabie', dateOfBirth: '1996-03-02' },
        guardian: { authority: GUARDIAN.authority, name: GUARDIAN.name },
        presumedMinor: true,
      },
    });

    // The same history GET /api/cases/:id/events shows, plus what it never shows: the personal parts.
    const history = (await node.request('GET', `/api/cases/${caseId}/events`, { as: 'case_manager' })).body
      .items as Record<string, unknown>[];
    expect(res.body.events).toHaveLength(history.length);
    history.forEach((entry, i) =>
      expect(res.body.events[i]).toMatchObject({
        eventId: entry.eventId,
        position: entry.position,
        revision: entry.revision,
        type: entry.type,
        data: entry.data,
      }),
    );
    expect(eventOf(res, 'PresumedVictimRegistered').personal).toMatchObject({
      givenName: 'Ileana',
      familyName: 'Vrabie',
    });
    expect(eventOf(res, 'GuardianAppointed').personal).toEqual({ name: GUARDIAN.name });
    expect(eventOf(res, 'RiskAssessed').personal).toEqual({ notes: NOTES });

    // The recipient checks the signature with the key given, and an auditor that the log still holds it.
    const { checkpoint, publicKey } = res.body.integrity;
    expect(checkpoint.origin).toBe(node.config.nodeId);
    expect(verifyCheckpoint(checkpoint, publicKey)).toBe(true);
    expect(verifyCheckpoint({ ...checkpoint, size: checkpoint.size + 1 }, publicKey)).toBe(false);
    const lastPosition = Math.max(...res.body.events.map((e: { position: number }) => e.position));
    expect(checkpoint.size).toBeGreaterThanOrEqual(lastPosition);
    const verified = await node.request(
      'GET',
      `/api/audit/verify?knownSize=${checkpoint.size}&knownRoot=${checkpoint.root}`,
      { as: 'auditor' },
    );
    expect(verified.body).toMatchObject({ valid: true });
  });

  it('records exactly one access-log entry per export, with channel export, the purpose and the exporter', async () => {
    const before = await accessLog();
    const res = await exportAs('case_manager', withPurpose('court_order'));
    expect(res.status).toBe(200);
    const after = await accessLog();
    expect(after).toHaveLength(before.length + 1);
    expect(after[after.length - 1]).toEqual({
      position: await head(),
      at: expect.any(String),
      caseId,
      userId: res.body.exportedBy.userId,
      role: 'case_manager',
      agency: 'national-nrm-office',
      purpose: 'court_order',
      channel: 'export',
    });
  });

  it('gives auditors the personal data for their stated purpose, and withholds it from prosecution liaison without consent', async () => {
    const audited = await exportAs('auditor', withPurpose('dpa_inspection'));
    expect(audited.status).toBe(200);
    expect(audited.body.personalData).toBe('included');
    expect(audited.body.case.person).toMatchObject({ familyName: 'Vrabie' });

    const liaison = await exportAs('prosecution_liaison', withPurpose('prosecutor_request'));
    expect(liaison.status).toBe(200);
    expect(liaison.body.personalData).toBe('withheld');
    expect(liaison.body.case.person).toBeUndefined();
    expect(liaison.body.case.guardian).toEqual({
      authority: GUARDIAN.authority,
      appointedAt: expect.any(String),
    });
    expect(liaison.body.events.some((e: object) => 'personal' in e)).toBe(false);
    // Data minimisation: that assistance happened, not what it was.
    expect(eventOf(liaison, 'RiskAssessed')).not.toHaveProperty('data');
    expect(JSON.stringify(liaison.body)).not.toMatch(/Vrabie|Ileana|Rusu|recruiter/);

    const entries = (await accessLog()).slice(-2);
    expect(entries.map((e) => [e.role, e.channel])).toEqual([
      ['auditor', 'export'],
      ['prosecution_liaison', 'export'],
    ]);
  });

  it('answers 404 outside the caller’s agency exactly as for a missing case, 403 to an admin, and records nothing', async () => {
    const before = await head();
    const hidden = await exportAs('b.case_manager', withPurpose());
    const missing = await exportAs('case_manager', withPurpose(), randomUUID());
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    expect(hidden.headers['content-disposition']).toBeUndefined();
    expect((await exportAs('admin', withPurpose())).status).toBe(403);
    expect(await head()).toBe(before);
  });

  it.each([
    ['no purpose', '', 'purpose', /required/],
    ['an empty purpose', '?purpose=', 'purpose', /required/],
    ['a blank purpose', withPurpose('   '), 'purpose', /required/],
    ['a purpose too short', withPurpose('s'), 'purpose', /snake_case code/],
    ['an oversize purpose', withPurpose('x'.repeat(65)), 'purpose', /snake_case code/],
    ['a purpose of two lines', withPurpose('dsar\nforged_access_log_line'), 'purpose', /snake_case code/],
    [
      'a purpose that could carry a name',
      withPurpose('court bundle for Ileana Vrabie'),
      'purpose',
      /never a name/,
    ],
    ['two purposes', `${withPurpose()}&purpose=again`, 'purpose', /once/],
    ['an unknown parameter', `${withPurpose()}&format=csv`, 'format', /should not exist/],
  ])('answers 400 to %s and records nothing', async (_, query, field, message) => {
    const before = await head();
    const res = await exportAs('case_manager', query);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
    expect(await head()).toBe(before);
  });

  it('is documented in OpenAPI with its required purpose', async () => {
    const doc = (await node.request('GET', '/api/docs-json')).body;
    const operation = doc.paths['/api/cases/{id}/export']?.get;
    expect(operation?.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'purpose', in: 'query', required: true })]),
    );
  });

  it('after erasure, shows every personal field as erased and nothing in clear', async () => {
    const erased = await node.request('POST', `/api/cases/${caseId}/erasure`, {
      as: 'admin',
      body: { legalBasis: 'GDPR art. 17(1)(a)' },
    });
    expect(erased.status).toBe(201);
    const res = await exportAs('case_manager', withPurpose());
    expect(res.status).toBe(200);
    expect(res.body.case.person).toEqual({ erased: true });
    expect(res.body.case.guardian.name).toEqual({ erased: true });
    const withPersonal = (res.body.events as { type: string; personal?: unknown }[]).filter(
      (e) => e.personal,
    );
    expect(withPersonal.map((e) => e.type)).toEqual([
      'PresumedVictimRegistered',
      'GuardianAppointed',
      'RiskAssessed',
    ]);
    for (const event of withPersonal) expect(event.personal).toEqual({ erased: true });
    expect(eventOf(res, 'PersonalDataErased')).toMatchObject({ data: { legalBasis: 'GDPR art. 17(1)(a)' } });
    expect(JSON.stringify(res.body)).not.toMatch(/Vrabie|Ileana|1996-03-02|Rusu|recruiter/);
  });
});
