import { REGISTRATION } from '../support/node-harness';
import { eventually, ok, startTwoNodes, TwoNodes } from '../support/two-nodes';

/** Issue "Partner nodes": a case handed over from a country of destination to a country of origin. */
describe('cross-border handover between two nodes (HTTP transport)', () => {
  let nodes: TwoNodes;
  beforeAll(async () => {
    nodes = await startTwoNodes();
  }, 60000);
  afterAll(() => nodes?.stop());

  /** A DE case the rules let propose to MD: consent to share with MD, the victim's request, the risk assessed. */
  const caseReadyForReturn = async ({
    earlyReturn,
    riskNotes,
  }: {
    earlyReturn: boolean;
    riskNotes: string;
  }) => {
    const { de } = nodes;
    const caseId = ok(
      await de.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION }),
    ).body.caseId as string;
    const on = (path: string) => `/api/cases/${caseId}${path}`;
    ok(
      await de.request('POST', on('/consents'), {
        as: 'identification_officer',
        body: { purpose: 'data_sharing', recipient: 'MD', granted: true },
      }),
    );
    ok(
      await de.request('POST', on('/return-request'), {
        as: 'return_officer',
        body: { statedBy: 'victim', earlyReturnRequested: earlyReturn },
      }),
    );
    ok(
      await de.request('POST', on('/risk-assessments'), {
        as: 'return_officer',
        body: { kind: 'return', level: 'low', notes: riskNotes },
      }),
    );
    // The journey (started here, in the country of destination) needs a valid travel document.
    ok(
      await de.request('POST', on('/documents'), {
        as: 'return_officer',
        body: { kind: 'passport', status: 'held', validUntil: '2099-12-31' },
      }),
    );
    return caseId;
  };

  it('walks a case from registration in DE to reintegration in MD, both logs telling the same story', async () => {
    const { de, md } = nodes;
    const caseId = await caseReadyForReturn({ earlyReturn: true, riskNotes: 'mother supportive' });
    const on = (path: string) => `/api/cases/${caseId}${path}`;
    const handoverId = ok(
      await de.request('POST', on('/handovers'), { as: 'return_officer', body: { toCountry: 'MD' } }),
    ).body.handoverId as string;

    // The country of origin now holds its own case, with only what the agreement lets travel.
    const mdCase = await eventually('the proposal to reach MD', async () => {
      const list = await md.request('GET', '/api/cases?stage=handover_proposed', { as: 'return_officer' });
      return list.body.items?.[0];
    });
    const mdOn = (path: string) => `/api/cases/${mdCase.caseId}${path}`;
    const received = await md.request('GET', mdOn(''), { as: 'return_officer' });
    expect(received.body.return.receivedFromPartner).toMatchObject({
      fromCountry: 'DE',
      returnRiskLevel: 'low',
    });
    expect(received.body.person).toMatchObject({ givenName: 'Ileana', familyName: 'Vrabie' });
    expect(JSON.stringify(received.body)).not.toMatch(/withheld-documents|mother supportive|1996-03-02/);
    expect(mdCase.caseId).not.toBe(caseId);
    expect(received.body.deadlines).toEqual([
      expect.objectContaining({ kind: 'handover_response', ref: handoverId }),
    ]);

    ok(
      await md.request('POST', mdOn(`/handovers/${handoverId}/acceptance`), {
        as: 'return_officer',
        body: { receivingAgency: 'md-reception', reasons: 'shelter place ready' },
      }),
    );
    await eventually('DE to see the acceptance', async () => {
      const detail = await de.request('GET', on(''), { as: 'return_officer' });
      return detail.body.return.handovers[0].status === 'accepted' ? detail : undefined;
    });
    ok(
      await de.request('POST', on(`/handovers/${handoverId}/departure`), { as: 'return_officer', body: {} }),
    );
    await eventually('MD to see the departure', async () => {
      const detail = await md.request('GET', mdOn(''), { as: 'return_officer' });
      return detail.body.return.handovers[0].status === 'in_transit' ? detail : undefined;
    });
    ok(
      await md.request('POST', mdOn(`/handovers/${handoverId}/arrival`), { as: 'return_officer', body: {} }),
    );
    ok(
      await md.request('POST', mdOn(`/handovers/${handoverId}/reception`), {
        as: 'return_officer',
        body: { receivingAgency: 'md-reception' },
      }),
    );
    ok(
      await md.request('POST', mdOn('/consents'), {
        as: 'identification_officer',
        body: { purpose: 'data_sharing', recipient: 'DE', granted: true },
      }),
    );
    ok(
      await md.request('POST', mdOn('/reintegration-plan'), {
        as: 'case_manager',
        body: { services: [{ kind: 'employment' }] },
      }),
    );
    const deFinal = await eventually('DE to see the reintegration plan', async () => {
      const detail = await de.request('GET', on(''), { as: 'return_officer' });
      return detail.body.return.reintegrationPlan ? detail : undefined;
    });
    expect(deFinal.body.return.handovers[0]).toMatchObject({
      status: 'received',
      recordedBy: 'partner_node',
    });

    // The bridge's read of the person's data, to send it to MD, is in DE's access log.
    const accesses = (await de.request('GET', `/api/audit/access-log?caseId=${caseId}`, { as: 'auditor' }))
      .body.items;
    expect(accesses).toContainEqual(
      expect.objectContaining({
        userId: 'node:nrm-de',
        role: 'partner_bridge',
        channel: 'partner',
        purpose: 'partner_return_md',
      }),
    );

    // Both nodes hold the same messages (same ids, same digests of the same signed envelopes).
    const deHistory = await eventually('DE to record its last delivery', async () => {
      const h = (await de.request('GET', on('/handover-history'), { as: 'auditor' })).body;
      const messages = h.exchanges[0].messages.filter((m: { messageId?: string }) => m.messageId);
      return messages.length === 6 ? messages : undefined;
    });
    // A sender records a message once the receiver answered: MD's record of its last message may trail.
    const mdHistory = await eventually('MD to record its last delivery', async () => {
      const h = (await md.request('GET', mdOn('/handover-history'), { as: 'auditor' })).body;
      const messages = h.exchanges[0].messages.filter((m: { messageId?: string }) => m.messageId);
      return messages.length === 6 ? messages : undefined;
    });
    const line = (m: { messageId: string; kind: string; digest: string }) =>
      `${m.messageId} ${m.kind} ${m.digest}`;
    expect(mdHistory.map(line)).toEqual(deHistory.map(line));
    for (const history of [deHistory, mdHistory])
      expect(history.map((m: { outcome: string }) => m.outcome)).toEqual(Array(6).fill('accepted'));
    expect(deHistory.map((m: { kind: string }) => m.kind)).toEqual([
      'handover.proposed',
      'handover.accepted',
      'return.travel-started',
      'return.arrival-confirmed',
      'return.reception-confirmed',
      'reintegration.plan-adopted',
    ]);
  }, 60000);

  it('raises the overdue flag on both sides when the country of origin does not answer in time', async () => {
    const { de, md } = nodes;
    const caseId = await caseReadyForReturn({ earlyReturn: false, riskNotes: 'n' });
    const on = (path: string) => `/api/cases/${caseId}${path}`;
    const responseDueAt = new Date(Date.now() + 3000).toISOString();
    const { handoverId } = ok(
      await de.request('POST', on('/handovers'), {
        as: 'return_officer',
        body: { toCountry: 'MD', responseDueAt },
      }),
    ).body;
    const overdue = (detail: { deadlines: { kind: string; ref?: string; overdue: boolean }[] }) =>
      detail.deadlines.find((d) => d.kind === 'handover_response' && d.ref === handoverId)?.overdue;
    const mdCaseId = await eventually('the proposal to reach MD', async () => {
      const list = await md.request('GET', '/api/cases?stage=handover_proposed&pageSize=100', {
        as: 'return_officer',
      });
      for (const item of list.body.items ?? []) {
        const detail = (await md.request('GET', `/api/cases/${item.caseId}`, { as: 'return_officer' })).body;
        if (detail.return.handovers.some((h: { handoverId: string }) => h.handoverId === handoverId))
          return item.caseId;
      }
      return undefined;
    });
    await eventually('both sides to flag the unanswered proposal as overdue', async () => {
      const deDetail = (await de.request('GET', on(''), { as: 'return_officer' })).body;
      const mdDetail = (await md.request('GET', `/api/cases/${mdCaseId}`, { as: 'return_officer' })).body;
      return overdue(deDetail) === true && overdue(mdDetail) === true ? true : undefined;
    });
  }, 60000);
});
