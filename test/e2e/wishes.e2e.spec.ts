import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION } from '../support/node-harness';

/**
 * The victim's wishes through HTTP: stated and acted upon, shown on the case (their own words only
 * under the personal-data policy), and steering the return and the hearings.
 */
describe('the victim’s wishes (HTTP)', () => {
  let node: NodeHarness;
  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(ALL_OPERATOR_ROLES);
  }, 60_000);
  afterAll(() => node.stop());

  const post = (as: string, path: string, body: object) => node.request('POST', path, { as, body });
  const register = async (): Promise<string> => {
    const res = await post('identification_officer', '/api/cases', REGISTRATION);
    expect(res.status).toBe(201);
    return res.body.caseId;
  };

  it('records wishes and actions, shows them, and refuses the handover while the wish is to stay', async () => {
    const caseId = await register();
    const at = (path: string) => `/api/cases/${caseId}${path}`;
    for (const [path, body] of [
      // assistance: the case manager's use of the victim's words (and identity)
      ['/consents', { purpose: 'assistance', granted: true }],
      ['/consents', { purpose: 'data_sharing', recipient: 'MD', granted: true }],
      ['/return-request', { statedBy: 'victim', earlyReturnRequested: true }],
      ['/risk-assessments', { kind: 'return', level: 'low', notes: 'n' }],
    ] as const)
      expect(
        (await post(path === '/consents' ? 'case_manager' : 'return_officer', at(path), body)).status,
      ).toBe(201);

    const stated = await post('case_manager', at('/wishes'), {
      wishes: ['stay_in_destination', 'recover_identity_documents'],
      inTheirWords: 'I want to stay and work here',
    });
    expect(stated.status).toBe(201);
    expect(stated.body.statementId).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      (
        await post('case_manager', at('/wishes/actions'), {
          wish: 'recover_identity_documents',
          action: 'referred',
          note: 'consulate contacted',
        })
      ).status,
    ).toBe(201);

    const refused = await post('return_officer', at('/handovers'), { toCountry: 'MD' });
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('wish-to-stay');

    // A case worker sees the words; without the person, only the codes.
    const shown = await node.request('GET', at(''), { as: 'case_manager' });
    expect(shown.body.wishes.current).toEqual([
      { wish: 'stay_in_destination', actions: [] },
      {
        wish: 'recover_identity_documents',
        actions: [expect.objectContaining({ action: 'referred', note: 'consulate contacted' })],
      },
    ]);
    expect(shown.body.wishes.statements[0].inTheirWords).toBe('I want to stay and work here');
    const withoutPerson = await node.request('GET', at('?includePerson=false'), { as: 'case_manager' });
    expect(JSON.stringify(withoutPerson.body)).not.toContain('consulate contacted');
    expect(JSON.stringify(withoutPerson.body)).not.toContain('stay and work');
    expect(withoutPerson.body.wishes.current[1].actions[0]).not.toHaveProperty('note');

    // The victim changes their mind: the proposal goes ahead.
    expect((await post('case_manager', at('/wishes'), { wishes: ['return_to_origin'] })).status).toBe(201);
    expect((await post('return_officer', at('/handovers'), { toCountry: 'MD' })).status).toBe(201);
    const after = await node.request('GET', at('?includePerson=false'), { as: 'case_manager' });
    expect(after.body.wishes.statements).toHaveLength(2);
    expect(after.body.wishes.current).toEqual([{ wish: 'return_to_origin', actions: [] }]);
  });

  it('refuses to stay and return at once, and an action on a wish not stated', async () => {
    const caseId = await register();
    const both = await post('case_manager', `/api/cases/${caseId}/wishes`, {
      wishes: ['stay_in_destination', 'return_to_origin'],
    });
    expect(both.status).toBe(422);
    expect(both.body.rule).toBe('invalid-request');
    const unstated = await post('case_manager', `/api/cases/${caseId}/wishes/actions`, {
      wish: 'no_reentry_ban',
      action: 'done',
    });
    expect(unstated.status).toBe(422);
    expect(unstated.body.rule).toBe('invalid-transition');
    const unknown = await post('case_manager', `/api/cases/${caseId}/wishes`, { wishes: ['fly_away'] });
    expect(unknown.status).toBe(400);
  });

  it('records a hearing as held only with a measure sparing the victim the trafficker, when asked', async () => {
    const caseId = await register();
    const at = (path: string) => `/api/cases/${caseId}${path}`;
    expect((await post('case_manager', at('/wishes'), { wishes: ['not_face_trafficker'] })).status).toBe(201);
    const hearing = await post('prosecution_liaison', at('/hearings'), {
      scheduledFor: '2099-01-01T09:00:00Z',
      protectiveMeasures: ['closed_hearing'],
    });
    const outcome = (body: object) =>
      post('prosecution_liaison', at(`/hearings/${hearing.body.hearingId}/outcome`), body);
    const refused = await outcome({ outcome: 'held' });
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('protective-measures-required');
    expect(
      (
        await post('prosecution_liaison', at('/protective-measures'), {
          hearingId: hearing.body.hearingId,
          measures: ['video_testimony'],
        })
      ).status,
    ).toBe(201);
    expect((await outcome({ outcome: 'held' })).status).toBe(201);
    const shown = await node.request('GET', at('?includePerson=false'), { as: 'prosecution_liaison' });
    expect(shown.body.prosecution.hearings[0].outcome).toMatchObject({ outcome: 'held' });

    const unknown = await post(
      'prosecution_liaison',
      at('/hearings/5d0c7e2a-3b1f-4a6e-8c9d-2e4f6a8b0c1d/outcome'),
      {
        outcome: 'held',
      },
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.rule).toBe('invalid-transition');
    const dated = await post('prosecution_liaison', at(`/hearings/${hearing.body.hearingId}/outcome`), {
      outcome: 'cancelled',
      rescheduledFor: '2099-02-01T09:00:00Z',
    });
    expect(dated.status).toBe(400);
  });

  it('lets only the case workers record wishes, and only prosecution liaison hearing outcomes', async () => {
    const caseId = await register();
    expect((await post('prosecution_liaison', `/api/cases/${caseId}/wishes`, { wishes: [] })).status).toBe(
      403,
    );
    expect(
      (
        await post(
          'case_manager',
          `/api/cases/${caseId}/hearings/5d0c7e2a-3b1f-4a6e-8c9d-2e4f6a8b0c1d/outcome`,
          {
            outcome: 'held',
          },
        )
      ).status,
    ).toBe(403);
  });
});
