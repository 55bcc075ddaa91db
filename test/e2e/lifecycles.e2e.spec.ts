import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION } from '../support/node-harness';

/**
 * Issue 15's lifecycles through HTTP: a closed case reopened, an identification decision reviewed or
 * appealed, a person registered under a pseudonym and identified later.
 */
describe('case lifecycles (HTTP)', () => {
  let node: NodeHarness;
  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(ALL_OPERATOR_ROLES);
  }, 60_000);
  afterAll(() => node.stop());

  const post = (as: string, path: string, body: object) => node.request('POST', path, { as, body });
  const get = (path: string, as = 'case_manager') => node.request('GET', path, { as });
  const register = async (body: object = REGISTRATION): Promise<string> => {
    const res = await post('identification_officer', '/api/cases', body);
    expect(res.status).toBe(201);
    return res.body.caseId;
  };

  it('reopens a closed case: assisted again, one history, every context open again', async () => {
    const caseId = await register();
    const at = (path: string) => `/api/cases/${caseId}${path}`;
    const early = await post('case_manager', at('/reopening'), { reason: 're_trafficking' });
    expect(early.status).toBe(422);
    expect(early.body.rule).toBe('invalid-transition');
    expect((await post('case_manager', at('/closure'), { reason: 'assistance_completed' })).status).toBe(201);
    const whileClosed = await post('case_manager', at('/needs-assessments'), { needs: ['medical'] });
    expect(whileClosed.status).toBe(422);

    expect((await post('case_manager', at('/reopening'), {})).status).toBe(400);
    expect((await post('case_manager', at('/reopening'), { reason: 'bored' })).status).toBe(400);
    expect((await post('return_officer', at('/reopening'), { reason: 're_trafficking' })).status).toBe(403);
    const reopened = await post('case_manager', at('/reopening'), {
      reason: 're_trafficking',
      note: 'recruited again by the same network',
    });
    expect(reopened.status).toBe(201);
    expect((await post('case_manager', at('/reopening'), { reason: 'new_needs' })).status).toBe(422);

    const shown = await get(at(''));
    expect(shown.body.stage).toBe('assisted');
    expect(shown.body.closure).toBeUndefined();
    expect(shown.body.reopenings).toEqual([
      {
        reason: 're_trafficking',
        reopenedAt: expect.any(String),
        closure: { reason: 'assistance_completed', closedAt: expect.any(String) },
      },
    ]);
    expect(JSON.stringify(shown.body)).not.toContain('recruited again');
    expect((await post('case_manager', at('/needs-assessments'), { needs: ['medical'] })).status).toBe(201);
    const history = await get(at('/events'));
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['CaseClosed', 'CaseReopened', 'NeedsAssessed']),
    );
  });

  it('reviews and appeals an identification decision: pending with its deadline, overturned both ways', async () => {
    const caseId = await register();
    const at = (path: string) => `/api/cases/${caseId}${path}`;
    const appeal = { kind: 'appeal', grounds: 'the interview ignored the debt bondage' };
    const early = await post('case_manager', at('/identification/review'), appeal);
    expect(early.status).toBe(422);
    expect(early.body.rule).toBe('invalid-transition');
    expect(
      (
        await post('identification_officer', at('/identification'), {
          decision: 'not_identified',
          reasons: 'r',
        })
      ).status,
    ).toBe(201);
    expect(
      (await post('case_manager', at('/identification/review'), { kind: 'retrial', grounds: 'g' })).status,
    ).toBe(400);
    expect((await post('case_manager', at('/identification/review'), appeal)).status).toBe(201);
    expect((await post('case_manager', at('/identification/review'), appeal)).status).toBe(422);

    const pending = await get(at(''));
    expect(pending.body.identification).toMatchObject({
      status: 'not_identified',
      review: { kind: 'appeal', status: 'requested', requestedAt: expect.any(String) },
    });
    expect(pending.body.deadlines).toContainEqual(expect.objectContaining({ kind: 'identification_review' }));
    expect(JSON.stringify(pending.body)).not.toContain('debt bondage');

    const decision = at('/identification/review/decision');
    expect((await post('case_manager', decision, { outcome: 'overturned' })).status).toBe(403);
    expect(
      (await post('identification_officer', decision, { outcome: 'overturned', reasons: 'credible' })).status,
    ).toBe(201);
    expect((await post('identification_officer', decision, { outcome: 'upheld' })).status).toBe(422);
    const decided = await get(at(''));
    expect(decided.body.identification).toMatchObject({
      status: 'identified',
      review: { kind: 'appeal', status: 'overturned', decidedAt: expect.any(String) },
    });
    expect(decided.body.stage).toBe('identified');
    expect(decided.body.deadlines.map((d: { kind: string }) => d.kind)).not.toContain(
      'identification_review',
    );

    // The identifying authority reviews it again and reverses it back.
    expect(
      (await post('identification_officer', at('/identification/review'), { kind: 'review', grounds: 'g' }))
        .status,
    ).toBe(201);
    expect((await post('identification_officer', decision, { outcome: 'overturned' })).status).toBe(201);
    expect((await get(at(''))).body.identification.status).toBe('not_identified');
  });

  it('registers under a pseudonym, refuses the handover until the identity is recorded', async () => {
    const { givenName: _g, familyName: _f, ...unnamed } = REGISTRATION.person;
    const asPseudonym = { ...REGISTRATION, person: { ...unnamed, pseudonym: 'Rose' } };
    const neither = await post('identification_officer', '/api/cases', { ...REGISTRATION, person: unnamed });
    // exactly one of the two: a rule the schema cannot state, so a well-formed request refused (422)
    expect(neither).toMatchObject({ status: 422, body: { rule: 'invalid-request' } });
    const both = await post('identification_officer', '/api/cases', {
      ...REGISTRATION,
      person: { ...REGISTRATION.person, pseudonym: 'Rose' },
    });
    expect(both).toMatchObject({ status: 422, body: { rule: 'invalid-request' } });
    const atRisk = await post('identification_officer', '/api/cases/at-risk', {
      referralSource: 'social_services',
      person: { ...unnamed, pseudonym: 'Lily' },
      vulnerabilities: ['child_left_behind'],
    });
    expect(atRisk.status).toBe(201);

    const caseId = await register(asPseudonym);
    const at = (path: string) => `/api/cases/${caseId}${path}`;
    // The case manager reads the person under their assistance consent.
    const consent = { purpose: 'assistance', granted: true };
    expect((await post('identification_officer', at('/consents'), consent)).status).toBe(201);
    const shown = await get(at(''));
    expect(shown.body.person).toBeUndefined();
    expect(shown.body.pseudonym).toEqual({ name: 'Rose' });
    const withoutPerson = await get(at('?includePerson=false'));
    expect(withoutPerson.body.pseudonym).toEqual({});
    expect(JSON.stringify(withoutPerson.body)).not.toContain('Rose');

    for (const [as, path, body] of [
      ['case_manager', '/consents', { purpose: 'data_sharing', recipient: 'MD', granted: true }],
      ['return_officer', '/return-request', { statedBy: 'victim' }],
      ['return_officer', '/risk-assessments', { kind: 'return', level: 'low', notes: 'n' }],
    ] as const)
      expect((await post(as, at(path), body)).status).toBe(201);
    const refused = await post('return_officer', at('/handovers'), { toCountry: 'MD' });
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('identity-required');

    expect((await post('identification_officer', at('/identity'), { givenName: 'Ana' })).status).toBe(400);
    expect(
      (
        await post('identification_officer', at('/identity'), {
          givenName: 'Ana',
          familyName: 'Popescu',
          dateOfBirth: '1999-04-17',
        })
      ).status,
    ).toBe(201);
    const again = await post('identification_officer', at('/identity'), {
      givenName: 'Ana',
      familyName: 'Popescu',
    });
    expect(again.status).toBe(422);
    const identified = await get(at(''));
    expect(identified.body.person).toEqual({
      givenName: 'Ana',
      familyName: 'Popescu',
      dateOfBirth: '1999-04-17',
    });
    expect(identified.body.pseudonym).toEqual({ identityRecordedAt: expect.any(String) });
    expect((await post('return_officer', at('/handovers'), { toCountry: 'MD' })).status).toBe(201);

    // A named registration records no identity later.
    const named = await register();
    expect(
      (
        await post('identification_officer', `/api/cases/${named}/identity`, {
          givenName: 'A',
          familyName: 'B',
        })
      ).status,
    ).toBe(422);
  });
});
