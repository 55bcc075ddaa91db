import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION } from '../support/node-harness';

/**
 * The criminal proceeding through HTTP: opened, advanced, its hearings, the verdict that closes it,
 * compensation awarded and paid in parts, and the victim told of each step, the case detail showing
 * which steps they were not told of yet.
 */
describe('criminal proceedings, compensation and the victim notified (HTTP)', () => {
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

  it('follows a proceeding to its final verdict and refuses what comes after', async () => {
    const caseId = await register();
    const at = (path: string) => `/api/cases/${caseId}${path}`;
    const liaison = (path: string, body: object) => post('prosecution_liaison', at(path), body);

    const opened = await liaison('/proceedings', {
      reference: '1-123/2025',
      stage: 'investigation',
      authority: 'prosecutor',
      openedAt: '2025-02-01',
    });
    expect(opened.status).toBe(201);
    const { proceedingId } = opened.body;
    expect(proceedingId).toMatch(/^[0-9a-f-]{36}$/);

    const backwards = await liaison(`/proceedings/${proceedingId}/stage`, {
      stage: 'investigation',
      authority: 'police',
      advancedAt: '2025-03-01',
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.rule).toBe('invalid-transition');
    expect(
      (
        await liaison(`/proceedings/${proceedingId}/stage`, {
          stage: 'trial',
          authority: 'court',
          advancedAt: '2025-03-01',
        })
      ).status,
    ).toBe(201);

    const hearing = await liaison('/hearings', {
      scheduledFor: '2025-04-01T09:00:00Z',
      protectiveMeasures: ['video_testimony'],
      // Ids are compared in lower case, in a body as in a path.
      proceedingId: proceedingId.toUpperCase(),
    });
    expect(hearing.status).toBe(201);
    expect((await liaison(`/hearings/${hearing.body.hearingId}/outcome`, { outcome: 'held' })).status).toBe(
      201,
    );

    expect(
      (
        await liaison(`/proceedings/${proceedingId}/verdict`, {
          outcome: 'partial_conviction',
          charges: ['trafficking', 'forced_labour'],
          decidedAt: '2025-05-01',
          final: true,
        })
      ).status,
    ).toBe(201);

    // Closed by the final verdict: no other verdict, no hearing, no stage.
    for (const [path, body] of [
      [
        `/proceedings/${proceedingId}/verdict`,
        { outcome: 'acquittal', charges: ['trafficking'], decidedAt: '2025-06-01', final: true },
      ],
      ['/hearings', { scheduledFor: '2025-07-01T09:00:00Z', protectiveMeasures: [], proceedingId }],
      [
        `/proceedings/${proceedingId}/stage`,
        { stage: 'appeal', authority: 'appeal_court', advancedAt: '2025-06-01' },
      ],
    ] as const) {
      const refused = await liaison(path, body);
      expect(refused.status).toBe(422);
      expect(refused.body.rule).toBe('invalid-transition');
    }

    const detail = await node.request('GET', at('?includePerson=false'), { as: 'prosecution_liaison' });
    expect(detail.status).toBe(200);
    expect(detail.body.prosecution.proceedings).toEqual([
      expect.objectContaining({
        proceedingId,
        reference: '1-123/2025',
        stage: 'trial',
        authority: 'court',
        verdicts: [
          expect.objectContaining({ outcome: 'partial_conviction', final: true, victimNotified: false }),
        ],
        closed: expect.objectContaining({ reason: 'final_verdict', closedAt: '2025-05-01' }),
      }),
    ]);
    expect(detail.body.prosecution.hearings[0]).toMatchObject({
      proceedingId,
      outcome: { outcome: 'held', victimNotified: false },
    });

    // The victim is told of the verdict through their lawyer (by the case manager, too, may record it).
    const notYet = await post('case_manager', at('/victim-notifications'), {
      step: 'verdict',
      channel: 'lawyer',
      notifiedAt: '2025-05-02',
    });
    expect(notYet.status).toBe(422);
    expect(notYet.body.rule).toBe('invalid-request');
    expect(
      (
        await post('case_manager', at('/victim-notifications'), {
          step: 'verdict',
          relatesTo: proceedingId,
          channel: 'lawyer',
          notifiedAt: '2025-05-02',
        })
      ).status,
    ).toBe(201);
    const told = await node.request('GET', at('?includePerson=false'), { as: 'prosecution_liaison' });
    expect(told.body.prosecution.proceedings[0].verdicts[0].victimNotified).toBe(true);
    expect(told.body.prosecution.hearings[0].outcome.victimNotified).toBe(false);
    expect(told.body.prosecution.victimNotifications).toEqual([
      expect.objectContaining({ step: 'verdict', relatesTo: proceedingId, channel: 'lawyer' }),
    ]);
  });

  it('awards compensation, takes payments up to the award, and refuses more', async () => {
    const caseId = await register();
    const at = (path: string) => `/api/cases/${caseId}${path}`;
    const liaison = (path: string, body: object) => post('prosecution_liaison', at(path), body);
    const claim = await liaison('/compensation-claims', {
      against: 'offender',
      currency: 'EUR',
      amount: 5000,
    });
    expect(claim.status).toBe(201);
    const claimPath = `/compensation-claims/${claim.body.claimId}`;

    const early = await liaison(`${claimPath}/payments`, { amount: 10, paidAt: '2025-05-01' });
    expect(early.status).toBe(422);
    expect(early.body.rule).toBe('invalid-transition');

    expect(
      (
        await liaison(`${claimPath}/award`, {
          amount: 3000,
          currency: 'EUR',
          awardedBy: 'court',
          awardedAt: '2025-05-01',
        })
      ).status,
    ).toBe(201);
    const refusedAfterAward = await liaison(`${claimPath}/refusal`, {
      refusedBy: 'court',
      refusedAt: '2025-05-02',
    });
    expect(refusedAfterAward.status).toBe(422);
    expect(refusedAfterAward.body.rule).toBe('invalid-transition');

    expect((await liaison(`${claimPath}/payments`, { amount: 1000.1, paidAt: '2025-06-01' })).status).toBe(
      201,
    );
    expect((await liaison(`${claimPath}/payments`, { amount: 1999.9, paidAt: '2025-07-01' })).status).toBe(
      201,
    );
    const beyond = await liaison(`${claimPath}/payments`, { amount: 0.01, paidAt: '2025-08-01' });
    expect(beyond.status).toBe(422);
    expect(beyond.body.rule).toBe('invalid-request');

    const badCurrency = await liaison(`${claimPath}/award`, {
      amount: 1,
      currency: 'eur',
      awardedBy: 'court',
      awardedAt: '2025-05-01',
    });
    expect(badCurrency.status).toBe(400);

    const detail = await node.request('GET', at('?includePerson=false'), { as: 'prosecution_liaison' });
    expect(detail.body.prosecution.compensationClaims[0]).toMatchObject({
      award: { amount: 3000, currency: 'EUR', awardedBy: 'court', victimNotified: false },
      paidTotal: 3000,
      payments: [
        { amount: 1000.1, victimNotified: false },
        { amount: 1999.9, victimNotified: false },
      ],
    });
  });

  it('lets only the prosecution liaison record the proceeding, and the case manager too tell the victim', async () => {
    const caseId = await register();
    const opened = await post('case_manager', `/api/cases/${caseId}/proceedings`, {
      reference: 'X-1',
      stage: 'investigation',
      authority: 'police',
      openedAt: '2025-02-01',
    });
    expect(opened.status).toBe(403);
    const released = await post('return_officer', `/api/cases/${caseId}/victim-notifications`, {
      step: 'offender_released',
      channel: 'phone',
      notifiedAt: '2025-02-01',
    });
    expect(released.status).toBe(403);
    const reference = await post('prosecution_liaison', `/api/cases/${caseId}/proceedings`, {
      reference: 'Ana Rusu',
      stage: 'investigation',
      authority: 'police',
      openedAt: '2025-02-01',
    });
    expect(reference.status).toBe(400);
  });
});
