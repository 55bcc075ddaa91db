import { randomUUID } from 'node:crypto';
import {
  ADMIN,
  ALL_OPERATOR_ROLES,
  NodeHarness,
  PASSWORD,
  REGISTRATION,
  Response,
} from '../support/node-harness';
import { OpenApiDocument, operationsOf } from '../support/route-inputs';

/** withUsers gives every role-named user this agency ("agency A"). */
const AGENCY_A = 'national-nrm-office';
const AGENCY_B = 'shelter-ngo-2';
const OPERATORS = ['identification_officer', 'case_manager', 'return_officer', 'prosecution_liaison'];
const RISK = { kind: 'general', level: 'low', notes: 'n' };

/**
 * One step of a walk through every case command route: out of scope it must answer 404 and record
 * nothing, in scope the same request (or `insideBody`) must succeed with 201. The steps run in order on
 * one case, so that each finds the case in a state where it really succeeds.
 */
interface Step {
  role: string;
  /** Under /api/cases/<id>; `:name` stands for an id an earlier step's answer gave (see `keeps`). */
  path: string;
  body: object;
  /** What the case's own agency sends instead (where `body` would be B widening its own scope). */
  insideBody?: object;
  /** Ids in the in-scope answer that later paths name, by name. */
  keeps?: Record<string, (answer: Response['body']) => string>;
}
const step = (
  role: string,
  path: string,
  body: object,
  more: Omit<Step, 'role' | 'path' | 'body'> = {},
): Step => ({
  role,
  path,
  body,
  ...more,
});

const { givenName: _given, familyName: _family, ...UNNAMED } = REGISTRATION.person;
const PSEUDONYMOUS = { ...UNNAMED, pseudonym: 'Rose' };

const WALK: Step[] = [
  // The walked case opens as a person at risk's: converted first, it is then a presumed victim's.
  step('identification_officer', '/conversion', {
    indicators: ['recruited-online'],
    countryOfExploitation: 'DE',
    formsOfExploitation: ['forced_labour'],
  }),
  step('identification_officer', '/identity', { givenName: 'Ileana', familyName: 'Vrabie' }),
  step('identification_officer', '/consents', { purpose: 'assistance', granted: true }),
  // The handovers below share the case with MD.
  step('case_manager', '/consents', { purpose: 'data_sharing', recipient: 'MD', granted: true }),
  // A presumed child: the return needs the guardian and a determination in favour of it.
  step('identification_officer', '/age-assessment', { presumedMinor: true, method: 'interview' }),
  step('identification_officer', '/guardian', {
    name: 'Maria Rusu',
    authority: 'Child Protection Authority',
  }),
  step('case_manager', '/best-interests-determination', {
    outcome: 'return to family',
    notes: 'n',
    returnInBestInterests: true,
  }),
  // The family: two children, each with their own guardian; one born here, whose mother's parentage is
  // recognised; both traced, one reunified (twice traced) and one not.
  ...(['case_manager', 'identification_officer'] as const).map((guardianBy, i) =>
    step(
      'case_manager',
      '/family-members',
      {
        relation: 'child',
        ...(i === 0 ? { bornInDestination: true } : {}),
        sex: 'female',
        presumedMinor: true,
        givenName: `Child ${i + 1}`,
        familyName: 'Rusu',
      },
      { keeps: { [`child_${guardianBy}`]: (answer) => answer.memberId } },
    ),
  ),
  step('case_manager', '/family-members/:child_case_manager/guardian', { authority: 'Child Protection' }),
  step('identification_officer', '/family-members/:child_identification_officer/guardian', {
    authority: 'Child Protection',
  }),
  step('case_manager', '/family-members/:child_case_manager/best-interests-determination', {
    outcome: 'with her mother',
    reunificationInBestInterests: true,
  }),
  step('case_manager', '/family-members/assessments', {
    memberIds: [':child_case_manager', ':child_identification_officer'],
    needs: ['education'],
  }),
  step(
    'case_manager',
    '/family-members/:child_case_manager/parentage-recognitions',
    { authority: 'Civil Registry' },
    { keeps: { parentage: (answer) => answer.proceedingId } },
  ),
  step('case_manager', '/family-members/parentage-recognitions/:parentage/steps', {
    step: 'application_filed',
  }),
  step('case_manager', '/family-members/parentage-recognitions/:parentage/conclusion', {
    outcome: 'recognised',
  }),
  ...(['return_officer', 'case_manager'] as const).flatMap((role) => [
    step(
      role,
      '/family-members/:child_case_manager/tracings',
      { country: 'MD' },
      { keeps: { [`reunified_${role}`]: (answer) => answer.tracingId } },
    ),
    step(
      role,
      '/family-members/:child_identification_officer/tracings',
      { country: 'MD' },
      { keeps: { [`refused_${role}`]: (answer) => answer.tracingId } },
    ),
    step(role, `/family-members/tracings/:reunified_${role}/outcome`, { outcome: 'found' }),
    step(role, `/family-members/tracings/:refused_${role}/outcome`, { outcome: 'found' }),
    step(role, `/family-members/tracings/:reunified_${role}/reunification`, {}),
    step(role, `/family-members/tracings/:refused_${role}/reunification-refusal`, { reason: 'not_safe' }),
  ]),
  step('identification_officer', '/reflection-period/extension', { endsAt: '2099-01-01T00:00:00Z' }),
  step('case_manager', '/reflection-period/extension', { endsAt: '2099-02-01T00:00:00Z' }),
  step('identification_officer', '/identification', { decision: 'identified', reasons: 'indicators' }),
  step('identification_officer', '/identification/review', { kind: 'review', grounds: 'g' }),
  step('identification_officer', '/identification/review/decision', { outcome: 'upheld' }),
  step('case_manager', '/identification/review', { kind: 'appeal', grounds: 'g' }),
  step('identification_officer', '/identification/review/decision', { outcome: 'upheld' }),
  step('case_manager', '/risk-assessments', RISK),
  step('return_officer', '/risk-assessments', { kind: 'return', level: 'low', notes: 'n' }),
  step('case_manager', '/needs-assessments', { needs: ['medical'] }),
  // The plan refers its accommodation to shelter-ngo-1 at once: that referral is declined below.
  step(
    'case_manager',
    '/assistance-plan',
    { services: [{ kind: 'medical' }, { kind: 'accommodation', provider: 'shelter-ngo-1' }] },
    { keeps: { plannedReferral: (answer) => answer.serviceIds[1] } },
  ),
  step(
    'case_manager',
    '/service-referrals',
    { kind: 'legal', provider: 'legal-aid-ngo' },
    { keeps: { referral: (answer) => answer.serviceId } },
  ),
  step('case_manager', '/service-referrals/:referral/acceptance', {}),
  step('case_manager', '/service-referrals/:plannedReferral/decline', { reason: 'no_capacity' }),
  step('case_manager', '/service-referrals/:referral/delivery', {}),
  step('case_manager', '/monitoring', { status: 'on_track' }),
  // The victim's wishes (none to stay: the handovers below go ahead).
  step('identification_officer', '/wishes', { wishes: ['placed_in_safety'] }),
  step('return_officer', '/wishes', { wishes: ['placed_in_safety', 'return_to_origin'] }),
  step('case_manager', '/wishes', { wishes: ['placed_in_safety', 'return_to_origin'] }),
  step('identification_officer', '/wishes/actions', { wish: 'placed_in_safety', action: 'in_progress' }),
  step('return_officer', '/wishes/actions', { wish: 'return_to_origin', action: 'in_progress' }),
  step('case_manager', '/wishes/actions', { wish: 'placed_in_safety', action: 'done' }),
  // A meeting names agencies without bringing them into the case (only AgencyJoinedTeam does).
  step('identification_officer', '/meetings', {
    kind: 'team_meeting',
    agencies: ['x'],
    topics: ['identification'],
  }),
  step('case_manager', '/meetings', { kind: 'case_conference', agencies: ['x'], topics: ['plan_review'] }),
  // The one that would let an outsider widen its own scope.
  // In scope, another agency joins (adding B would bring B into scope for the steps that follow).
  step('case_manager', '/team-members', { agency: AGENCY_B }, { insideBody: { agency: 'police-md' } }),
  // An application bars every step towards the country of origin until it is closed (withdrawn here).
  step('return_officer', '/asylum-application', {}),
  step('case_manager', '/asylum-application/closure', { outcome: 'withdrawn' }),
  step('case_manager', '/asylum-application', {}),
  step('return_officer', '/asylum-application/closure', { outcome: 'withdrawn' }),
  // Legal status: a permit granted and renewed, one refused; removal orders lifted and (the person is
  // identified above) carried out.
  step(
    'return_officer',
    '/residence-permits',
    { basis: 'personal_situation' },
    { keeps: { permit: (answer) => answer.permitId } },
  ),
  step(
    'case_manager',
    '/residence-permits',
    { basis: 'cooperation_with_authorities' },
    { keeps: { refusedPermit: (answer) => answer.permitId } },
  ),
  step('return_officer', '/residence-permits/:permit/decision', {
    decision: 'granted',
    validUntil: '2099-01-01',
  }),
  step('case_manager', '/residence-permits/:refusedPermit/decision', { decision: 'refused' }),
  step('return_officer', '/residence-permits/:permit/renewal', { validUntil: '2099-06-01' }),
  step('case_manager', '/residence-permits/:permit/renewal', { validUntil: '2099-12-01' }),
  ...(['return_officer', 'case_manager'] as const).flatMap((role) => [
    step(role, '/removal-orders', {}, { keeps: { [`lifted_${role}`]: (answer) => answer.orderId } }),
    step(role, `/removal-orders/:lifted_${role}/lifting`, { outcome: 'suspended' }),
    step(role, '/removal-orders', {}, { keeps: { [`enforced_${role}`]: (answer) => answer.orderId } }),
    step(role, `/removal-orders/:enforced_${role}/enforcement`, {}),
  ]),
  // Documents: one lost and one withheld, both recovered, replaced and issued (the journey needs one).
  step(
    'return_officer',
    '/documents',
    { kind: 'passport', status: 'lost' },
    { keeps: { passport: (answer) => answer.documentId } },
  ),
  step(
    'case_manager',
    '/documents',
    { kind: 'national_id', status: 'withheld' },
    { keeps: { idCard: (answer) => answer.documentId } },
  ),
  step('return_officer', '/documents/:passport/recovery', { validUntil: '2099-01-01' }),
  step('case_manager', '/documents/:idCard/recovery', {}),
  step('return_officer', '/documents/:idCard/replacement-request', { channel: 'other_authority' }),
  step('case_manager', '/documents/:passport/replacement-request', { channel: 'consulate' }),
  step('return_officer', '/documents/:passport/issue', { validUntil: '2099-01-01' }),
  step('case_manager', '/documents/:idCard/issue', { validUntil: '2099-01-01' }),
  // Urgent alerts to the country of origin (no partner node registered here: recorded on the case).
  step('case_manager', '/urgent-alerts', { toCountry: 'MD', subject: 'victim', danger: 'retaliation' }),
  step('return_officer', '/urgent-alerts', {
    toCountry: 'MD',
    subject: 'family_member',
    danger: 'abduction',
  }),
  step('prosecution_liaison', '/urgent-alerts', {
    toCountry: 'MD',
    subject: 'witness',
    danger: 'retaliation',
  }),
  // Early return: the reflection period runs until 2099.
  step('return_officer', '/return-request', { statedBy: 'victim', earlyReturnRequested: true }),
  step(
    'return_officer',
    '/handovers',
    { toCountry: 'MD' },
    { keeps: { declined: (answer) => answer.handoverId } },
  ),
  step('return_officer', '/handovers/:declined/decline', { reason: 'other' }),
  step(
    'return_officer',
    '/handovers',
    { toCountry: 'MD' },
    { keeps: { handover: (answer) => answer.handoverId } },
  ),
  step('return_officer', '/handovers/:handover/acceptance', {}),
  step('return_officer', '/handovers/:handover/departure', {}),
  step('return_officer', '/handovers/:handover/arrival', {}),
  step('return_officer', '/handovers/:handover/reception', { receivingAgency: 'MD-NRM' }),
  step('return_officer', '/reintegration-plan', { services: [{ kind: 'employment' }] }),
  step('case_manager', '/reintegration-plan', { services: [{ kind: 'education' }] }),
  step('case_manager', '/reintegration-progress', { status: 'on_track' }),
  step('return_officer', '/reintegration-progress', { status: 'on_track' }),
  step('prosecution_liaison', '/cooperation-decision', { willing: true }),
  step(
    'prosecution_liaison',
    '/law-enforcement-requests',
    // Inside the reflection period only a request the victim asked for may be put to them.
    { agency: 'police-cid', kind: 'interview', requestedByVictim: true },
    { keeps: { request: (answer) => answer.requestId } },
  ),
  step('prosecution_liaison', '/law-enforcement-requests/:request/answer', { outcome: 'agreed' }),
  step(
    'prosecution_liaison',
    '/hearings',
    { scheduledFor: '2099-01-01T09:00:00Z', protectiveMeasures: [] },
    { keeps: { hearing: (answer) => answer.hearingId } },
  ),
  step('prosecution_liaison', '/hearings/:hearing/outcome', { outcome: 'postponed' }),
  step('prosecution_liaison', '/protective-measures', { measures: ['anonymity'] }),
  step(
    'prosecution_liaison',
    '/proceedings',
    { reference: '1-123/2025', stage: 'investigation', authority: 'police', openedAt: '2025-01-01' },
    { keeps: { proceeding: (answer) => answer.proceedingId } },
  ),
  step('prosecution_liaison', '/proceedings/:proceeding/stage', {
    stage: 'trial',
    authority: 'court',
    advancedAt: '2025-02-01',
  }),
  step('prosecution_liaison', '/proceedings/:proceeding/verdict', {
    outcome: 'conviction',
    charges: ['trafficking'],
    decidedAt: '2025-03-01',
    final: false,
  }),
  step('prosecution_liaison', '/proceedings/:proceeding/closure', {
    reason: 'verdict_not_appealed',
    closedAt: '2025-04-01',
  }),
  step(
    'prosecution_liaison',
    '/compensation-claims',
    { against: 'offender' },
    { keeps: { claim: (answer) => answer.claimId } },
  ),
  step('prosecution_liaison', '/compensation-claims/:claim/award', {
    amount: 100,
    currency: 'EUR',
    awardedBy: 'court',
    awardedAt: '2025-03-01',
  }),
  step('prosecution_liaison', '/compensation-claims/:claim/payments', { amount: 10, paidAt: '2025-04-01' }),
  step(
    'prosecution_liaison',
    '/compensation-claims',
    { against: 'state_fund' },
    { keeps: { refusedClaim: (answer) => answer.claimId } },
  ),
  step('prosecution_liaison', '/compensation-claims/:refusedClaim/refusal', {
    refusedBy: 'state_fund',
    refusedAt: '2025-04-01',
  }),
  step('prosecution_liaison', '/victim-notifications', {
    step: 'verdict',
    relatesTo: ':proceeding',
    channel: 'lawyer',
    notifiedAt: '2025-03-02',
  }),
  step('case_manager', '/victim-notifications', {
    step: 'compensation_paid',
    relatesTo: ':claim',
    channel: 'in_person',
    notifiedAt: '2025-04-02',
  }),
  step('prosecution_liaison', '/non-punishment', { basis: 'other' }),
  step('case_manager', '/non-punishment', { basis: 'other' }),
  step('case_manager', '/closure', { reason: 'victim_request' }),
  step('case_manager', '/reopening', { reason: 're_trafficking' }),
  step('case_manager', '/closure', { reason: 'victim_request' }),
];

/** Whether a step's path is an instance of a route of the OpenAPI document (`/api/cases/{id}/...`). */
const stepMatches = (docPath: string, path: string) =>
  new RegExp(`^${docPath.replace('/api/cases/{id}', '').replace(/\{\w+\}/g, '[^/]+')}$`).test(path);

describe('record-level access: agencies, auditors, prosecution liaison (HTTP)', () => {
  let node: NodeHarness;
  beforeAll(async () => {
    // The walk sends a few hundred requests from one address in a minute: the rate limiter has tests of its own.
    node = await NodeHarness.start({ NRM_API_RATE_LIMIT_PER_MINUTE: '1000000' });
    await node.withUsers(ALL_OPERATOR_ROLES);
    await node.registerAgencies([
      AGENCY_B,
      'police-md',
      'ro',
      'data-protection-authority',
      'shelter-ngo-1',
      'legal-aid-ngo',
      'x',
    ]);
    for (const role of OPERATORS) await addUser(`b.${role}`, role, AGENCY_B);
    await addUser('police-md.prosecution_liaison', 'prosecution_liaison', 'police-md');
    await addUser('ro.prosecution_liaison', 'prosecution_liaison', 'ro');
    await addUser('dpa.auditor', 'auditor', 'data-protection-authority');
    await addUser('no-agency.case_manager', 'case_manager');
  }, 60_000);
  afterAll(() => node.stop());

  async function addUser(key: string, role: string, agency?: string): Promise<void> {
    const admin = node.tokens.get('admin') ?? (await node.login(ADMIN.username, ADMIN.password));
    const created = await node.request('POST', '/api/users', {
      token: admin,
      body: { username: key, password: PASSWORD, role, ...(agency ? { agency } : {}) },
    });
    if (created.status !== 201)
      throw new Error(`create ${key}: ${created.status} ${JSON.stringify(created.body)}`);
    node.tokens.set(key, await node.login(key, PASSWORD));
  }

  const register = async (): Promise<string> => {
    const res = await node.request('POST', '/api/cases', {
      as: 'identification_officer',
      body: REGISTRATION,
    });
    expect(res.status).toBe(201);
    return res.body.caseId;
  };
  /** A person at risk's case (a child left behind), registered by the same agency. */
  const registerAtRisk = async (): Promise<string> => {
    const res = await node.request('POST', '/api/cases/at-risk', {
      as: 'case_manager',
      // Under a pseudonym: the walk records the identity (the handovers below need it).
      body: { referralSource: 'social_services', person: PSEUDONYMOUS, vulnerabilities: ['neglect'] },
    });
    expect(res.status).toBe(201);
    return res.body.caseId;
  };
  const command = (
    as: string,
    caseId: string,
    path: string,
    body: object,
    headers?: Record<string, string>,
  ) => node.request('POST', `/api/cases/${caseId}${path}`, { as, body, headers });
  const detail = (as: string, caseId: string, query = '') =>
    node.request('GET', `/api/cases/${caseId}${query}`, { as });
  const events = (as: string, caseId: string) => node.request('GET', `/api/cases/${caseId}/events`, { as });
  const listed = async (as: string, caseId: string) => {
    const res = await node.request('GET', '/api/cases?pageSize=200', { as });
    expect(res.status).toBe(200);
    return (res.body.items as { caseId: string }[]).some((i) => i.caseId === caseId);
  };
  const revisionOf = async (caseId: string) => (await events('auditor', caseId)).body.items.length - 1;
  /** How many entries the node's whole log holds (every stream, not only the case's). */
  const logSize = async (): Promise<number> => {
    const verified = await node.request('GET', '/api/audit/verify', { as: 'auditor' });
    expect(verified.status).toBe(200);
    return verified.body.size;
  };
  const accessLog = async (caseId: string) =>
    (await node.request('GET', `/api/audit/access-log?caseId=${caseId}`, { as: 'auditor' })).body.items;
  /** What a 404 says, whatever its cause: it must not tell "hidden" from "missing". */
  const shape = (res: Response) => ({
    status: res.status,
    type: res.body?.type,
    title: res.body?.title,
    detail: res.body?.detail,
  });

  it('hides a case of agency A from agency B exactly as a missing case, until A adds B to the team', async () => {
    const caseId = await register();
    const missing = randomUUID();
    for (const read of [detail, events]) {
      expect(shape(await read('b.case_manager', caseId))).toEqual(
        shape(await read('b.case_manager', missing)),
      );
      expect((await read('b.case_manager', caseId)).status).toBe(404);
      expect((await read('case_manager', caseId)).status).toBe(200);
    }
    expect(await listed('b.case_manager', caseId)).toBe(false);
    expect(await listed('case_manager', caseId)).toBe(true);
    // A stale If-Match does not turn the 404 into a 409 (that would reveal the case and its revision).
    const pinned = await command('b.case_manager', caseId, '/risk-assessments', RISK, {
      'if-match': '"7"',
    });
    expect(shape(pinned)).toEqual(
      shape(await command('b.case_manager', missing, '/risk-assessments', RISK, { 'if-match': '"7"' })),
    );
    expect(pinned.status).toBe(404);

    // Joining the team shares the case: the victim consents to assistance by B first.
    const consented = await command('case_manager', caseId, '/consents', {
      purpose: 'assistance',
      recipient: AGENCY_B,
      granted: true,
    });
    expect(consented.status).toBe(201);
    const revision = await revisionOf(caseId);
    const joined = await command('case_manager', caseId, '/team-members', { agency: AGENCY_B });
    expect(joined.status).toBe(201);
    expect(joined.body).toEqual({ caseId, revision: revision + 1 });
    expect(joined.headers.etag).toBe(`"${revision + 1}"`);

    expect((await detail('b.case_manager', caseId)).body).toMatchObject({
      caseId,
      agencies: [AGENCY_A, AGENCY_B],
      person: { familyName: 'Vrabie' },
    });
    expect((await events('b.case_manager', caseId)).body.items.at(-1)).toMatchObject({
      type: 'AgencyJoinedTeam',
      data: { agency: AGENCY_B },
    });
    expect(await listed('b.case_manager', caseId)).toBe(true);
    expect((await command('b.case_manager', caseId, '/risk-assessments', RISK)).status).toBe(201);
    // Joining twice is refused by the domain, and an agency already in the team is not added again.
    const again = await command('case_manager', caseId, '/team-members', { agency: AGENCY_B });
    expect({ status: again.status, rule: again.body.rule }).toEqual({
      status: 422,
      rule: 'invalid-transition',
    });
  });

  it('walks every case command route, for every operator role it admits', async () => {
    const doc = (await node.request('GET', '/api/docs-json')).body as OpenApiDocument;
    const caseCommands = operationsOf(doc).filter(
      (op) => op.method === 'POST' && op.docPath.startsWith('/api/cases/{id}/'),
    );
    expect(caseCommands.length).toBeGreaterThan(30);
    const missing = caseCommands.flatMap((op) =>
      op.roles
        .filter((role) => OPERATORS.includes(role))
        .filter((role) => !WALK.some((s) => s.role === role && stepMatches(op.docPath, s.path)))
        .map((role) => `${op.label} as ${role}`),
    );
    expect(missing).toEqual([]);
    const strays = WALK.filter((s) => !caseCommands.some((op) => stepMatches(op.docPath, s.path)));
    expect(strays).toEqual([]);
  });

  it('answers 404 to every case command out of scope and records nothing, while in scope the same request succeeds', async () => {
    const caseId = await registerAtRisk();
    const ids: Record<string, string> = {};
    const resolve = (path: string) =>
      path.replace(/:(\w+)/g, (_, name: string) => {
        if (!ids[name]) throw new Error(`${path}: no earlier step kept an id named ${name}`);
        return ids[name];
      });
    // A body value ":name" is an id an earlier step kept, as in paths.
    const resolveBody = (value: object): object =>
      JSON.parse(
        JSON.stringify(value).replace(/":(\w+)"/g, (_, name: string) => JSON.stringify(resolve(`:${name}`))),
      ) as object;
    for (const { role, path: template, body: bodyTemplate, insideBody, keeps } of WALK) {
      const path = resolve(template);
      const body = resolveBody(bodyTemplate);
      const recorded = async () => ({ revision: await revisionOf(caseId), logSize: await logSize() });
      const before = await recorded();

      const outside = await command(`b.${role}`, caseId, path, body);
      const absent = await command(`b.${role}`, randomUUID(), path, body);
      expect({ role, path: template, outside: shape(outside) }).toEqual({
        role,
        path: template,
        outside: { ...shape(absent), status: 404 },
      });
      expect({ path: template, ...(await recorded()) }).toEqual({ path: template, ...before });

      const inside = await command(role, caseId, path, insideBody ? resolveBody(insideBody) : body);
      expect({ role, path: template, status: inside.status, problem: inside.body?.detail }).toEqual({
        role,
        path: template,
        status: 201,
        problem: undefined,
      });
      const after = await recorded();
      expect(inside.body).toMatchObject({ caseId, revision: after.revision });
      expect(after.revision).toBeGreaterThan(before.revision);
      for (const [name, idOf] of Object.entries(keeps ?? {})) ids[name] = idOf(inside.body);
    }
    // The team-members command tried by B did not let B in: the case closed without it.
    expect((await detail('b.case_manager', caseId)).status).toBe(404);
    const closed = (await detail('auditor', caseId)).body;
    expect(closed.stage).toBe('closed');
    expect(closed.agencies).toContain('police-md');
    expect(closed.agencies).not.toContain(AGENCY_B);
  }, 60_000);

  it('shows a case to the agency a service is referred to', async () => {
    const caseId = await register();
    await command('identification_officer', caseId, '/consents', { purpose: 'assistance', granted: true });
    expect((await detail('b.return_officer', caseId)).status).toBe(404);
    const referred = await command('case_manager', caseId, '/service-referrals', {
      kind: 'accommodation',
      provider: AGENCY_B,
    });
    expect(referred.status).toBe(201);
    expect((await detail('b.return_officer', caseId)).status).toBe(200);
    expect((await events('b.return_officer', caseId)).status).toBe(200);
    expect(await listed('b.case_manager', caseId)).toBe(true);
    // The provider's case manager can now answer the referral it received.
    const accepted = await command(
      'b.case_manager',
      caseId,
      `/service-referrals/${referred.body.serviceId}/acceptance`,
      {},
    );
    expect(accepted.status).toBe(201);
  });

  it('shows no case to an operator whose account has no agency', async () => {
    const caseId = await register();
    expect((await detail('no-agency.case_manager', caseId)).status).toBe(404);
    expect(await node.request('GET', '/api/cases', { as: 'no-agency.case_manager' })).toMatchObject({
      status: 200,
      body: { items: [], total: 0 },
    });
    expect(
      (await command('no-agency.case_manager', caseId, '/monitoring', { status: 'on_track' })).status,
    ).toBe(404);
  });

  it('lets auditors read every case, the person only with a stated purpose, and logs that read', async () => {
    const caseId = await register();
    expect(await listed('dpa.auditor', caseId)).toBe(true);
    expect((await events('dpa.auditor', caseId)).status).toBe(200);

    const plain = await detail('dpa.auditor', caseId);
    expect(plain.status).toBe(200);
    expect(plain.body.person).toBeUndefined();
    expect(JSON.stringify(plain.body)).not.toContain('Vrabie');
    expect(await accessLog(caseId)).toEqual([]);

    const withPurpose = await detail('dpa.auditor', caseId, '?purpose=complaint_investigation');
    expect(withPurpose.body.person).toEqual({
      givenName: 'Ileana',
      familyName: 'Vrabie',
      dateOfBirth: '1996-03-02',
    });
    expect(await accessLog(caseId)).toEqual([
      expect.objectContaining({
        caseId,
        role: 'auditor',
        agency: 'data-protection-authority',
        purpose: 'complaint_investigation',
      }),
    ]);
    expect((await detail('dpa.auditor', caseId, '?purpose=Not A Code')).status).toBe(400);
  });

  it('shows prosecution liaison the person only under a consent covering its agency, and no assistance data', async () => {
    const caseId = await register();
    // The victim consents to assistance by the multidisciplinary team (no recipient: every member),
    // which lets the police join it; seeing who the victim is takes a consent to cooperation.
    expect(
      (await command('case_manager', caseId, '/consents', { purpose: 'assistance', granted: true })).status,
    ).toBe(201);
    for (const agency of ['police-md', 'ro']) {
      expect((await command('case_manager', caseId, '/team-members', { agency })).status).toBe(201);
    }
    const consent = (recipient: string, granted = true) =>
      command('identification_officer', caseId, '/consents', {
        purpose: 'law_enforcement_cooperation',
        recipient,
        granted,
      });
    const person = async (as: string) => (await detail(as, caseId)).body.person;
    const police = 'police-md.prosecution_liaison';
    const ro = 'ro.prosecution_liaison';

    expect((await detail(police, caseId)).status).toBe(200);
    expect(await person(police)).toBeUndefined();
    // A consent for another agency covers neither.
    expect((await consent('police-other')).status).toBe(201);
    expect(await person(police)).toBeUndefined();
    expect(await person(ro)).toBeUndefined();
    expect(await accessLog(caseId)).toEqual([]);

    expect((await consent('police-md')).status).toBe(201);
    expect(await person(police)).toMatchObject({ familyName: 'Vrabie' });
    expect(await person(ro)).toBeUndefined();
    expect(await accessLog(caseId)).toEqual([
      expect.objectContaining({ role: 'prosecution_liaison', agency: 'police-md' }),
    ]);
    // A two-letter recipient is a country code: 'RO' covers the agency written 'ro'.
    expect((await consent('RO')).status).toBe(201);
    expect(await person(ro)).toMatchObject({ familyName: 'Vrabie' });
    // Withdrawn for the agency: no longer covered.
    expect((await consent('police-md', false)).status).toBe(201);
    expect(await person(police)).toBeUndefined();

    // Data minimisation in the history: assistance events keep their type and time, not their data.
    await command('case_manager', caseId, '/risk-assessments', RISK);
    const seen = (await events(police, caseId)).body.items as Record<string, unknown>[];
    const assistance = seen.filter((e) => ['AgencyJoinedTeam', 'RiskAssessed'].includes(e.type as string));
    expect(assistance).toHaveLength(3);
    for (const entry of assistance) {
      expect(entry).not.toHaveProperty('data');
      expect(entry).toEqual(expect.objectContaining({ type: entry.type, occurredAt: expect.any(String) }));
    }
    expect(seen.filter((e) => e.type === 'ConsentGiven').at(-1)).toHaveProperty(
      'data.purpose',
      'law_enforcement_cooperation',
    );
    // Other roles still see the assistance data.
    const full = (await events('case_manager', caseId)).body.items as Record<string, unknown>[];
    expect(full.find((e) => e.type === 'RiskAssessed')).toHaveProperty('data', {
      kind: 'general',
      level: 'low',
    });
  });
});
