import { ADMIN, ALL_OPERATOR_ROLES, NodeHarness, PASSWORD, REGISTRATION } from '../support/node-harness';

/** withUsers gives every role-named user this agency (the registering one). */
const REGISTERING = 'national-nrm-office';
const NGO = 'shelter-ngo-2';
const CHILD_SERVICES = 'child-services';

describe('consent narrows access (HTTP)', () => {
  let node: NodeHarness;
  beforeAll(async () => {
    node = await NodeHarness.start({ NRM_API_RATE_LIMIT_PER_MINUTE: '1000000' });
    await node.withUsers(ALL_OPERATOR_ROLES);
    await node.registerAgencies([NGO, CHILD_SERVICES]);
    await addUser('ngo.case_manager', 'case_manager', NGO);
    await addUser('cs.case_manager', 'case_manager', CHILD_SERVICES);
  }, 60_000);
  afterAll(() => node.stop());

  async function addUser(key: string, role: string, agency: string): Promise<void> {
    const admin = node.tokens.get('admin') ?? (await node.login(ADMIN.username, ADMIN.password));
    const created = await node.request('POST', '/api/users', {
      token: admin,
      body: { username: key, password: PASSWORD, role, agency },
    });
    if (created.status !== 201) throw new Error(`create ${key}: ${created.status}`);
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
  const command = (as: string, caseId: string, path: string, body: object) =>
    node.request('POST', `/api/cases/${caseId}${path}`, { as, body });
  const consent = async (caseId: string, granted: boolean, recipient?: string) =>
    expect(
      (
        await command('case_manager', caseId, '/consents', {
          purpose: 'assistance',
          granted,
          ...(recipient === undefined ? {} : { recipient }),
        })
      ).status,
    ).toBe(201);
  const detail = (as: string, caseId: string) => node.request('GET', `/api/cases/${caseId}`, { as });
  const listed = async (as: string, caseId: string) => {
    const res = await node.request('GET', '/api/cases?pageSize=200', { as });
    expect(res.status).toBe(200);
    return (res.body.items as { caseId: string }[]).some((i) => i.caseId === caseId);
  };
  const reads = async (as: string, caseId: string) => {
    const answer = await detail(as, caseId);
    return {
      status: answer.status,
      person: answer.body?.person?.familyName,
      withheld: answer.body?.personalDataWithheld,
    };
  };
  const accessLog = async (caseId: string) =>
    (await node.request('GET', `/api/audit/access-log?caseId=${caseId}`, { as: 'auditor' })).body.items as {
      agency?: string;
    }[];

  it('refuses to add an agency to the team without a consent covering it or a legal basis', async () => {
    const caseId = await register();
    const refused = async (body: object) => {
      const res = await command('case_manager', caseId, '/team-members', body);
      return { status: res.status, rule: res.body.rule };
    };
    expect(await refused({ agency: NGO })).toEqual({ status: 422, rule: 'agency-consent-required' });
    // a consent for another recipient does not cover it
    await consent(caseId, true, 'other-ngo');
    expect(await refused({ agency: NGO })).toEqual({ status: 422, rule: 'agency-consent-required' });
    // a withdrawn consent does not cover it
    await consent(caseId, true, NGO);
    await consent(caseId, false, NGO);
    expect(await refused({ agency: NGO })).toEqual({ status: 422, rule: 'agency-consent-required' });
    // a legal basis needs its justification
    expect(await refused({ agency: NGO, legalBasis: 'vital_interest' })).toEqual({
      status: 422,
      rule: 'invalid-request',
    });
    expect(await refused({ agency: NGO, legalBasis: 'whim', justification: 'j' })).toMatchObject({
      status: 400,
    });
    expect((await detail('ngo.case_manager', caseId)).status).toBe(404);
  });

  it('lets an agency added under consent read the case until that consent is withdrawn; one under a legal basis stays', async () => {
    const caseId = await register();
    await consent(caseId, true, NGO);
    expect((await command('case_manager', caseId, '/team-members', { agency: NGO })).status).toBe(201);
    const basis = await command('case_manager', caseId, '/team-members', {
      agency: CHILD_SERVICES,
      legalBasis: 'child_protection',
      justification: 'An unaccompanied child, the guardian not yet appointed',
    });
    expect(basis.status).toBe(201);

    // Under consent: the NGO reads the case and the person; the read is logged.
    expect(await reads('ngo.case_manager', caseId)).toEqual({
      status: 200,
      person: 'Vrabie',
      withheld: undefined,
    });
    expect(await listed('ngo.case_manager', caseId)).toBe(true);
    // Under a legal basis: the person too, without any consent covering child services.
    expect(await reads('cs.case_manager', caseId)).toEqual({
      status: 200,
      person: 'Vrabie',
      withheld: undefined,
    });
    const logged = await accessLog(caseId);
    expect(logged.filter((e) => e.agency === NGO)).toHaveLength(1);
    expect(logged.filter((e) => e.agency === CHILD_SERVICES)).toHaveLength(1);
    const { agencies, team } = (await detail('case_manager', caseId)).body;
    expect(agencies).toEqual([REGISTERING, NGO, CHILD_SERVICES]);
    expect(team).toMatchObject([{ agency: NGO }, { agency: CHILD_SERVICES, legalBasis: 'child_protection' }]);
    expect(team[0]).not.toHaveProperty('legalBasis');
    // the justification is personal: never in the history's data
    const history = await node.request('GET', `/api/cases/${caseId}/events`, { as: 'case_manager' });
    expect(JSON.stringify(history.body)).not.toContain('unaccompanied');

    // The victim withdraws consent to share with the NGO.
    await consent(caseId, false, NGO);
    expect((await detail('ngo.case_manager', caseId)).status).toBe(404);
    expect(await listed('ngo.case_manager', caseId)).toBe(false);
    // nor can it act on the case any more
    const act = await command('ngo.case_manager', caseId, '/risk-assessments', {
      kind: 'general',
      level: 'low',
      notes: 'n',
    });
    expect(act.status).toBe(404);
    // child services (legal basis) and the registering agency still read it
    expect((await reads('cs.case_manager', caseId)).status).toBe(200);
    expect((await detail('identification_officer', caseId)).status).toBe(200);
    expect((await detail('case_manager', caseId)).body.agencies).toEqual([REGISTERING, CHILD_SERVICES]);
    // History is kept: the NGO's earlier read stays in the access log, its joining in the events.
    expect((await accessLog(caseId)).filter((e) => e.agency === NGO)).toHaveLength(1);
    const afterWithdrawal = await node.request('GET', `/api/cases/${caseId}/events`, { as: 'case_manager' });
    expect(afterWithdrawal.body.items.map((e: { type: string }) => e.type)).toContain('AgencyJoinedTeam');
    expect(JSON.stringify(afterWithdrawal.body)).toContain(NGO);

    // A new consent lets it join again.
    await consent(caseId, true, NGO);
    expect((await detail('ngo.case_manager', caseId)).status).toBe(404);
    expect((await command('case_manager', caseId, '/team-members', { agency: NGO })).status).toBe(201);
    expect((await detail('ngo.case_manager', caseId)).status).toBe(200);
  });

  it('shows a case worker the identity only under a consent for their purpose, and says why it is withheld', async () => {
    const caseId = await register();
    // The registering identification officer sees whom they identified (legal basis: identification).
    expect(await reads('identification_officer', caseId)).toEqual({
      status: 200,
      person: 'Vrabie',
      withheld: undefined,
    });
    // A case manager of the registering agency: no assistance consent yet.
    expect(await reads('case_manager', caseId)).toEqual({
      status: 200,
      person: undefined,
      withheld: 'no-consent',
    });
    expect(await reads('return_officer', caseId)).toEqual({
      status: 200,
      person: undefined,
      withheld: 'no-consent',
    });
    const before = (await accessLog(caseId)).length;
    await consent(caseId, true);
    expect(await reads('case_manager', caseId)).toEqual({
      status: 200,
      person: 'Vrabie',
      withheld: undefined,
    });
    // the return officer's purpose is return: an assistance consent does not cover it
    expect(await reads('return_officer', caseId)).toMatchObject({
      person: undefined,
      withheld: 'no-consent',
    });
    expect(
      (await command('case_manager', caseId, '/consents', { purpose: 'return', granted: true })).status,
    ).toBe(201);
    expect(await reads('return_officer', caseId)).toMatchObject({ person: 'Vrabie', withheld: undefined });
    // every read of the person is logged (the case manager's and the return officer's), none of the withheld ones
    const after = await accessLog(caseId);
    expect(after.length - before).toBe(2);
    // withdrawn: the case reads without the person again
    await consent(caseId, false);
    expect(await reads('case_manager', caseId)).toEqual({
      status: 200,
      person: undefined,
      withheld: 'no-consent',
    });
    // asked without the person, nothing is withheld for lack of consent
    const without = await node.request('GET', `/api/cases/${caseId}?includePerson=false`, {
      as: 'case_manager',
    });
    expect(without.body).not.toHaveProperty('personalDataWithheld');
  });
});
