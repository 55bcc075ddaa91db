import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION } from '../support/node-harness';

const ROLES = ['admin', ...ALL_OPERATOR_ROLES, 'analyst'];
const ANY_ID = '0b7c5a70-4a8e-4b8e-9a64-3c1f2f6f9d11';

/**
 * Who may call each core route, written out apart from the `@Roles` declarations (the OpenAPI document
 * states those as `x-nrm-roles`): exactly these roles get past authorisation, every other one gets 403.
 */
const MATRIX: [method: 'GET' | 'POST' | 'PATCH', path: string, allowed: string[]][] = [
  ['POST', '/api/users', ['admin']],
  ['GET', '/api/users', ['admin']],
  ['PATCH', '/api/users/:id', ['admin']],
  ['POST', '/api/users/:id/disable', ['admin']],
  ['POST', '/api/users/:id/enable', ['admin']],
  ['POST', '/api/users/:id/password', ['admin']],
  ['POST', '/api/cases', ['identification_officer']],
  ['POST', '/api/cases/:id/consents', ['identification_officer', 'case_manager']],
  ['POST', '/api/cases/:id/identification', ['identification_officer']],
  ['POST', '/api/cases/:id/guardian', ['identification_officer']],
  ['POST', '/api/cases/:id/best-interests-determination', ['case_manager']],
  ['POST', '/api/cases/:id/risk-assessments', ['case_manager', 'return_officer']],
  ['POST', '/api/cases/:id/assistance-plan', ['case_manager']],
  ['POST', '/api/cases/:id/return-request', ['return_officer']],
  ['POST', '/api/cases/:id/handovers', ['return_officer']],
  ['POST', '/api/cases/:id/cooperation-decision', ['prosecution_liaison']],
  ['POST', '/api/cases/:id/law-enforcement-requests', ['prosecution_liaison']],
  ['POST', '/api/cases/:id/proceedings', ['prosecution_liaison']],
  ['POST', '/api/cases/:id/victim-notifications', ['prosecution_liaison', 'case_manager']],
  ['POST', '/api/cases/:id/closure', ['case_manager']],
  [
    'GET',
    '/api/cases',
    ['identification_officer', 'case_manager', 'return_officer', 'prosecution_liaison', 'auditor'],
  ],
  [
    'GET',
    '/api/cases/summary',
    ['identification_officer', 'case_manager', 'return_officer', 'prosecution_liaison', 'auditor'],
  ],
  [
    'GET',
    '/api/cases/:id',
    ['identification_officer', 'case_manager', 'return_officer', 'prosecution_liaison', 'auditor'],
  ],
  [
    'GET',
    '/api/cases/:id/events',
    ['identification_officer', 'case_manager', 'return_officer', 'prosecution_liaison', 'auditor'],
  ],
  ['GET', '/api/audit/verify', ['auditor']],
  ['GET', '/api/audit/access-log', ['auditor']],
  ['POST', '/api/cases/:id/erasure', ['admin']],
  ['GET', '/api/statistics', ['analyst', 'auditor', 'admin']],
];

describe('roles of every core route', () => {
  let node: NodeHarness;
  let caseId: string;
  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers([...ALL_OPERATOR_ROLES, 'analyst']);
    caseId = (await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION }))
      .body.caseId;
  });
  afterAll(() => node.stop());

  it.each(MATRIX)('%s %s', async (method, path, allowed) => {
    for (const role of ROLES) {
      // An empty body: allowed roles fail validation (400) or find nothing (404), never 401/403.
      const unknownId = path.endsWith('/erasure') || path.startsWith('/api/users/');
      const url = path.replace(':id', unknownId ? ANY_ID : caseId);
      const res = await node.request(method, url, { as: role, body: method === 'GET' ? undefined : {} });
      const verdict = res.status === 403 ? 'forbidden' : res.status === 401 ? 'unauthenticated' : 'allowed';
      expect({ role, verdict }).toEqual({ role, verdict: allowed.includes(role) ? 'allowed' : 'forbidden' });
    }
  });
});
