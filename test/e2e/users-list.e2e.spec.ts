import { ok } from '@nrm/api-client';
import { ADMIN, ALL_OPERATOR_ROLES, NodeHarness, PASSWORD } from '../support/node-harness';

/** GET /api/users: the admin sees who may sign in on the node, and nothing of their passwords. */
describe('the list of local accounts', () => {
  let node: NodeHarness;

  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(ALL_OPERATOR_ROLES, 'police-md');
  });
  afterAll(() => node.stop());

  it('lists every account by username with role, agency, country and creation time', async () => {
    const { items } = await ok(node.api('admin').GET('/api/users'), 200);
    expect(items.map((user) => user.username)).toEqual(
      [ADMIN.username, ...ALL_OPERATOR_ROLES.map((role) => `${role.replace(/_/g, '-')}-user`)].sort(),
    );
    const officer = items.find((user) => user.username === 'identification-officer-user');
    expect(officer).toEqual({
      userId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      username: 'identification-officer-user',
      role: 'identification_officer',
      agency: 'police-md',
      country: node.config.country,
      createdAt: expect.any(String),
      disabled: false,
    });
    expect(Number.isNaN(Date.parse(officer?.createdAt ?? ''))).toBe(false);
  });

  it('shows an account created through the API at once', async () => {
    const { userId } = await ok(
      node.api('admin').POST('/api/users', {
        body: { username: 'new.auditor', password: PASSWORD, role: 'auditor' },
      }),
      201,
    );
    const { items } = await ok(node.api('admin').GET('/api/users'), 200);
    expect(items.find((user) => user.username === 'new.auditor')).toMatchObject({ userId, role: 'auditor' });
  });

  it('never answers password material', async () => {
    const response = await node.request('GET', '/api/users', { as: 'admin' });
    expect(response.status).toBe(200);
    const text = JSON.stringify(response.body);
    expect(text).not.toMatch(/password|hash|scrypt/i);
    expect(text).not.toContain(PASSWORD);
  });

  it('is for admins only', async () => {
    for (const role of ALL_OPERATOR_ROLES)
      expect({ role, status: (await node.request('GET', '/api/users', { as: role })).status }).toEqual({
        role,
        status: 403,
      });
    expect((await node.request('GET', '/api/users')).status).toBe(401);
  });
});
