import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION, Response } from '../support/node-harness';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Legal status in the country of destination (issue 13): a residence permit's expiry is a deadline,
 * a removal order on a presumed victim is an alert and cannot be carried out before the
 * identification is concluded, and documents are recorded without their numbers.
 */
describe('legal status and documents (HTTP)', () => {
  let node: NodeHarness;

  const ok201 = (res: Response): Response => {
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const register = async () =>
    ok201(await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION })).body
      .caseId as string;
  const post = (caseId: string, path: string, body: object, as = 'return_officer') =>
    node.request('POST', `/api/cases/${caseId}${path}`, { as, body });
  const detail = async (caseId: string) =>
    (await node.request('GET', `/api/cases/${caseId}`, { as: 'case_manager' })).body;
  const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(ALL_OPERATOR_ROLES);
  }, 60_000);
  afterAll(() => node.stop());

  it('grants a permit with its expiry, due for renewal 30 days before, on the summary and the list', async () => {
    const caseId = await register();
    const { permitId } = ok201(
      await post(caseId, '/residence-permits', { basis: 'cooperation_with_authorities' }),
    ).body;
    // A grant needs its expiry (the domain judges it, since it depends on the decision): 422.
    expect(
      await post(caseId, `/residence-permits/${permitId}/decision`, { decision: 'granted' }),
    ).toMatchObject({
      status: 422,
      body: { rule: 'invalid-request' },
    });
    const validUntil = inDays(20);
    ok201(
      await post(
        caseId,
        `/residence-permits/${permitId}/decision`,
        { decision: 'granted', validUntil },
        'case_manager',
      ),
    );
    const view = await detail(caseId);
    expect(view.legalStatus.residencePermits).toEqual([
      expect.objectContaining({
        permitId,
        basis: 'cooperation_with_authorities',
        status: 'granted',
        validUntil,
      }),
    ]);
    const expiry = { kind: 'residence_permit_expiry', ref: permitId, overdue: true };
    // Valid 20 more days: the renewal was due 10 days ago.
    expect(view.deadlines).toContainEqual(expect.objectContaining(expiry));
    const summary = (await node.request('GET', '/api/cases/summary', { as: 'case_manager' })).body;
    expect(summary.dueSoon).toContainEqual(expect.objectContaining({ caseId, ...expiry }));

    ok201(await post(caseId, `/residence-permits/${permitId}/renewal`, { validUntil: inDays(400) }));
    expect((await detail(caseId)).deadlines).toContainEqual(
      expect.objectContaining({ kind: 'residence_permit_expiry', ref: permitId, overdue: false }),
    );
    expect(
      await post(caseId, `/residence-permits/${permitId}/renewal`, { validUntil: inDays(300) }),
    ).toMatchObject({
      status: 422,
      body: { rule: 'invalid-request' },
    });
  });

  it('raises the removal alert on a presumed victim and refuses the removal until the identification is concluded', async () => {
    const caseId = await register();
    const { orderId } = ok201(await post(caseId, '/removal-orders', {}, 'case_manager')).body;
    const alert = expect.objectContaining({
      kind: 'removal_before_identification',
      ref: orderId,
      overdue: true,
    });
    expect((await detail(caseId)).deadlines).toContainEqual(alert);
    const list = (await node.request('GET', '/api/cases?overdue=true&pageSize=100', { as: 'case_manager' }))
      .body;
    expect(list.items.find((item: { caseId: string }) => item.caseId === caseId)?.deadlines).toContainEqual(
      alert,
    );

    expect(await post(caseId, `/removal-orders/${orderId}/enforcement`, {})).toMatchObject({
      status: 422,
      body: { rule: 'no-removal-before-identification' },
    });
    ok201(
      await post(
        caseId,
        '/identification',
        { decision: 'not_identified', reasons: 'no indicators' },
        'identification_officer',
      ),
    );
    expect((await detail(caseId)).deadlines).not.toContainEqual(alert);
    ok201(await post(caseId, `/removal-orders/${orderId}/enforcement`, {}));
    expect((await detail(caseId)).legalStatus.removalOrders).toEqual([
      expect.objectContaining({ orderId, status: 'enforced' }),
    ]);
  });

  it('asks the consulate for a replacement only without a pending asylum application, and needs a document to travel', async () => {
    const caseId = await register();
    ok201(
      await post(
        caseId,
        '/consents',
        { purpose: 'data_sharing', recipient: 'MD', granted: true },
        'identification_officer',
      ),
    );
    ok201(await post(caseId, '/return-request', { statedBy: 'victim', earlyReturnRequested: true }));
    ok201(await post(caseId, '/risk-assessments', { kind: 'return', level: 'low', notes: 'n' }));
    const { handoverId } = ok201(await post(caseId, '/handovers', { toCountry: 'MD' })).body;
    ok201(await post(caseId, `/handovers/${handoverId}/acceptance`, {}));
    expect(await post(caseId, `/handovers/${handoverId}/departure`, {})).toMatchObject({
      status: 422,
      body: { rule: 'travel-documents-required' },
    });

    const { documentId } = ok201(
      await post(caseId, '/documents', { kind: 'passport', status: 'withheld' }),
    ).body;
    // A document number is not recorded: the schema has no such field.
    expect(
      (await post(caseId, '/documents', { kind: 'passport', status: 'lost', number: 'AB123' })).status,
    ).toBe(400);
    ok201(await post(caseId, '/asylum-application', {}));
    expect(
      await post(caseId, `/documents/${documentId}/replacement-request`, { channel: 'consulate' }),
    ).toMatchObject({
      status: 422,
      body: { rule: 'asylum-no-contact' },
    });
    ok201(await post(caseId, '/asylum-application/closure', { outcome: 'withdrawn' }, 'case_manager'));
    ok201(await post(caseId, `/documents/${documentId}/replacement-request`, { channel: 'consulate' }));
    ok201(await post(caseId, `/documents/${documentId}/issue`, { validUntil: inDays(365) }, 'case_manager'));
    expect((await detail(caseId)).legalStatus.documents).toEqual([
      expect.objectContaining({ documentId, kind: 'passport', status: 'issued', channel: 'consulate' }),
    ]);
    ok201(await post(caseId, `/handovers/${handoverId}/departure`, {}));
  });

  it('refuses the routes to roles that do not record legal status', async () => {
    const caseId = await register();
    expect((await post(caseId, '/removal-orders', {}, 'prosecution_liaison')).status).toBe(403);
    expect(
      (await post(caseId, '/documents', { kind: 'passport', status: 'lost' }, 'identification_officer'))
        .status,
    ).toBe(403);
  });
});
