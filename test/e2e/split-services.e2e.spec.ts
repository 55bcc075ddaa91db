import { Module } from '@nestjs/common';
import { AssistanceModule, HealthModule, PlatformModule } from '@nrm/application';
import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION } from '../support/node-harness';

/** A context service on its own process shares the node's stores and secrets, and serves only its routes. */
describe('the assistance service alone', () => {
  let gateway: NodeHarness;
  let assistance: NodeHarness;
  let caseId: string;

  beforeAll(async () => {
    gateway = await NodeHarness.start();
    await gateway.withUsers(ALL_OPERATOR_ROLES);
    caseId = (
      await gateway.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION })
    ).body.caseId;
    assistance = await NodeHarness.start({}, gateway.config.dataDir, (config) => {
      @Module({
        imports: [PlatformModule.forRoot(config, { runProjections: false }), HealthModule, AssistanceModule],
      })
      class AssistanceServiceModule {}
      return AssistanceServiceModule;
    });
  });
  afterAll(async () => {
    await assistance.stop();
    await gateway.stop();
  });

  it('accepts tokens issued by the gateway and records its commands in the shared log', async () => {
    const token = gateway.tokens.get('case_manager');
    const res = await assistance.request('POST', `/api/cases/${caseId}/risk-assessments`, {
      token,
      body: { kind: 'general', level: 'low', notes: 'settled' },
    });
    expect(res.status).toBe(201);
    expect(res.body.revision).toBe(2);
  });

  it('hands a return risk assessment to the return context, which this process does not serve over HTTP', async () => {
    const res = await assistance.request('POST', `/api/cases/${caseId}/risk-assessments`, {
      token: gateway.tokens.get('return_officer'),
      body: { kind: 'return', level: 'low', notes: 'family supportive' },
    });
    expect(res.status).toBe(201);
    const handover = await assistance.request('POST', `/api/cases/${caseId}/handovers`, {
      token: gateway.tokens.get('return_officer'),
      body: { toCountry: 'MD' },
    });
    expect(handover.status).toBe(404);
  });
});
