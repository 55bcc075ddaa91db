import { REGISTRATION } from '../support/node-harness';
import { eventually, ok, startTwoNodes, TwoNodes } from '../support/two-nodes';

/** Issue 13, item 6: urgent alerts between countries (Convention CETS 197, art. 33). */
describe('urgent alerts between two nodes (HTTP transport)', () => {
  let nodes: TwoNodes;
  beforeAll(async () => {
    nodes = await startTwoNodes();
  }, 60000);
  afterAll(() => nodes?.stop());

  const registerInDe = async () =>
    ok(await nodes.de.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION }))
      .body.caseId as string;

  type Received = { alertId: string; status: string; danger: string; caseId?: string };
  const receivedInMd = async (alertId: string): Promise<Received> =>
    eventually(`alert ${alertId} to reach MD`, async () => {
      const list = await nodes.md.request('GET', '/api/alerts', { as: 'case_manager' });
      return (list.body.alerts as Received[]).find((a) => a.alertId === alertId);
    });

  it('arrives signed and witnessed without any handover, codes only, and is acknowledged there', async () => {
    const { de, md } = nodes;
    const caseId = await registerInDe();
    const raised = ok(
      await de.request('POST', `/api/cases/${caseId}/urgent-alerts`, {
        as: 'case_manager',
        body: {
          toCountry: 'MD',
          subject: 'family_member',
          danger: 'retaliation',
          note: 'sister threatened by the recruiter in Chisinau',
        },
      }),
    );
    const alertId = raised.body.alertId as string;

    const alert = await receivedInMd(alertId);
    // No consent naming MD: the minimal alert, which names no case.
    expect(alert).toMatchObject({
      fromNode: 'nrm-de',
      fromCountry: 'DE',
      subject: 'family_member',
      danger: 'retaliation',
      status: 'open',
    });
    expect(alert.caseId).toBeUndefined();
    const mdAlerts = await md.request('GET', '/api/alerts', { as: 'case_manager' });
    expect(JSON.stringify(mdAlerts.body)).not.toMatch(/sister|Chisinau/);

    // Both journals hold the same signed message: same id, same digest; the sender's says accepted.
    const sent = await eventually('DE to record the delivery', async () => {
      const list = await de.request('GET', `/api/cases/${caseId}/urgent-alerts`, { as: 'case_manager' });
      const mine = list.body.alerts.find((a: { alertId: string }) => a.alertId === alertId);
      return mine?.delivery === 'accepted' ? mine : undefined;
    });
    expect(sent).toMatchObject({ toCountry: 'MD', partnerNodeId: 'nrm-md', subject: 'family_member' });
    type JournalRecord = {
      type: string;
      kind?: string;
      sharedCaseRef?: string;
      digest?: string;
      messageId?: string;
      checkpoint?: { size: number; root: string };
    };
    const journal = async (node: typeof de, partner: string) =>
      (await node.request('GET', `/api/audit/partner-journal?partner=${partner}`, { as: 'auditor' })).body
        .items as JournalRecord[];
    const deRecord = (await journal(de, 'nrm-md')).find(
      (r) => r.type === 'CrossBorderMessageSent' && r.sharedCaseRef === alertId,
    );
    const mdRecord = (await journal(md, 'nrm-de')).find(
      (r) => r.type === 'CrossBorderMessageReceived' && r.sharedCaseRef === alertId,
    );
    expect(deRecord).toMatchObject({ kind: 'alert.urgent', outcome: 'accepted' });
    // MD witnessed DE's log with this message: the checkpoint it carried is in both records.
    expect(mdRecord).toMatchObject({ checkpoint: { size: expect.any(Number), root: expect.any(String) } });
    expect(mdRecord?.checkpoint).toEqual(deRecord?.checkpoint);
    expect(mdRecord).toMatchObject({
      kind: 'alert.urgent',
      messageId: deRecord?.messageId,
      digest: deRecord?.digest,
    });
    // No handover was ever proposed: no link, no handover history.
    const history = await de.request('GET', `/api/cases/${caseId}/handover-history`, { as: 'auditor' });
    expect(history.body.exchanges).toEqual([]);

    // Acknowledged once, with who and when.
    const ack = ok(
      await md.request('POST', `/api/alerts/${alertId}/acknowledgement`, { as: 'return_officer' }),
    );
    expect(ack.body).toMatchObject({ alertId, acknowledgedAt: expect.any(String) });
    expect(
      (await md.request('POST', `/api/alerts/${alertId}/acknowledgement`, { as: 'case_manager' })).status,
    ).toBe(409);
    expect((await receivedInMd(alertId)).status).toBe('acknowledged');
  }, 60000);

  it('names the case received in MD when the victim consented to share with MD', async () => {
    const { de } = nodes;
    const caseId = await registerInDe();
    const on = (path: string) => `/api/cases/${caseId}${path}`;
    ok(
      await de.request('POST', on('/consents'), {
        as: 'identification_officer',
        body: { purpose: 'data_sharing', recipient: 'MD', granted: true },
      }),
    );
    ok(
      await de.request('POST', on('/return-request'), { as: 'return_officer', body: { statedBy: 'victim' } }),
    );
    ok(
      await de.request('POST', on('/risk-assessments'), {
        as: 'return_officer',
        body: { kind: 'return', level: 'low', notes: 'n' },
      }),
    );
    ok(await de.request('POST', on('/handovers'), { as: 'return_officer', body: { toCountry: 'MD' } }));
    const mdCaseId = await eventually('the proposal to reach MD', async () => {
      const detail = await de.request('GET', on('/handover-history'), { as: 'auditor' });
      const delivered = detail.body.exchanges[0]?.messages.some(
        (m: { outcome: string }) => m.outcome === 'accepted',
      );
      if (!delivered) return undefined;
      const list = await nodes.md.request('GET', '/api/cases?stage=handover_proposed', {
        as: 'return_officer',
      });
      return list.body.items?.[0]?.caseId as string | undefined;
    });
    const alertId = ok(
      await de.request('POST', on('/urgent-alerts'), {
        as: 'return_officer',
        body: { toCountry: 'MD', subject: 'victim', danger: 're_trafficking_risk' },
      }),
    ).body.alertId as string;
    const alert = await receivedInMd(alertId);
    expect(alert.caseId).toBe(mdCaseId);
  }, 60000);

  it('is refused while an asylum application is pending, and nothing reaches the partner', async () => {
    const { de } = nodes;
    const caseId = await registerInDe();
    ok(
      await de.request('POST', `/api/cases/${caseId}/asylum-application`, {
        as: 'return_officer',
        body: {},
      }),
    );
    const refused = await de.request('POST', `/api/cases/${caseId}/urgent-alerts`, {
      as: 'case_manager',
      body: { toCountry: 'MD', subject: 'victim', danger: 'threat_of_violence' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('asylum-no-contact');
    const list = await de.request('GET', `/api/cases/${caseId}/urgent-alerts`, { as: 'case_manager' });
    expect(list.body.alerts).toEqual([]);
    // The identification officer does not raise alerts.
    const forbidden = await de.request('POST', `/api/cases/${caseId}/urgent-alerts`, {
      as: 'identification_officer',
      body: { toCountry: 'MD', subject: 'victim', danger: 'threat_of_violence' },
    });
    expect(forbidden.status).toBe(403);
  }, 60000);
});
