import { ADMIN, NodeHarness, PASSWORD } from '../support/node-harness';

const UNKNOWN_ID = '0b7c5a70-4a8e-4b8e-9a64-3c1f2f6f9d11';
const NEW_PASSWORD = 'a quite different passphrase';

/** An admin changes, disables, re-enables and resets accounts; the node enforces it at login and refresh. */
describe('admins managing accounts', () => {
  let node: NodeHarness;
  let adminId: string;

  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(['case_manager']);
    await node.registerAgencies(['ngo-x', 'national-police']);
    adminId = await idOf(ADMIN.username);
  });
  afterAll(() => node.stop());

  const login = (username: string, password: string) =>
    node.request('POST', '/api/auth/login', { body: { username, password } });
  const refresh = (refreshToken: string) =>
    node.request('POST', '/api/auth/refresh', { body: { refreshToken } });
  const asAdmin = (method: 'POST' | 'PATCH', url: string, body?: unknown) =>
    node.request(method, url, { as: 'admin', body });
  const me = async (accessToken: string) =>
    (await node.request('GET', '/api/auth/me', { token: accessToken })).body;

  async function idOf(username: string): Promise<string> {
    const { body } = await node.request('GET', '/api/users', { as: 'admin' });
    return body.items.find((user: { username: string }) => user.username === username).userId;
  }

  async function newUser(username: string, role = 'case_manager'): Promise<string> {
    const res = await asAdmin('POST', '/api/users', { username, password: PASSWORD, role, agency: 'ngo-x' });
    expect(res.status).toBe(201);
    return res.body.userId;
  }

  it('changes role, agency and country; the next login carries them, the list shows them', async () => {
    const userId = await newUser('role.change');
    const res = await asAdmin('PATCH', `/api/users/${userId}`, {
      role: 'auditor',
      agency: 'national-police',
      country: 'MD',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId, username: 'role.change', role: 'auditor', disabled: false });
    const token = (await login('role.change', PASSWORD)).body.accessToken;
    expect(await me(token)).toMatchObject({ role: 'auditor', agency: 'national-police', country: 'MD' });
    expect((await node.request('GET', '/api/audit/verify', { token })).status).not.toBe(403);

    // Only the fields named change.
    const partial = await asAdmin('PATCH', `/api/users/${userId}`, { role: 'return_officer' });
    expect(partial.body).toMatchObject({ role: 'return_officer', agency: 'national-police', country: 'MD' });
    // The token issued while the user was an auditor now acts as a return officer.
    expect((await node.request('GET', '/api/audit/verify', { token })).status).toBe(403);
    expect((await node.request('GET', '/api/cases/summary', { token })).status).toBe(200);
  });

  it('refuses a malformed change (400), an empty one (422) and an unknown user (404)', async () => {
    const userId = await newUser('bad.change');
    expect((await asAdmin('PATCH', `/api/users/${userId}`, {})).body).toMatchObject({
      status: 422,
      rule: 'invalid-request',
    });
    expect((await asAdmin('PATCH', `/api/users/${userId}`, { role: 'king' })).status).toBe(400);
    expect((await asAdmin('PATCH', `/api/users/${userId}`, { country: 'moldova' })).status).toBe(400);
    for (const id of [UNKNOWN_ID, 'not-an-id']) {
      expect((await asAdmin('PATCH', `/api/users/${id}`, { role: 'auditor' })).status).toBe(404);
      expect((await asAdmin('POST', `/api/users/${id}/disable`)).status).toBe(404);
      expect((await asAdmin('POST', `/api/users/${id}/enable`)).status).toBe(404);
      expect((await asAdmin('POST', `/api/users/${id}/password`, { password: NEW_PASSWORD })).status).toBe(
        404,
      );
    }
  });

  it('disables an account: login 401 as for a wrong password, its sessions end; enabling lets it in again', async () => {
    const userId = await newUser('to.disable');
    const session = (await login('to.disable', PASSWORD)).body;
    const cases = (token: string) => node.request('GET', '/api/cases/summary', { token });
    expect((await cases(session.accessToken)).status).toBe(200);
    const disabled = await asAdmin('POST', `/api/users/${userId}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ userId, disabled: true });

    const refused = await login('to.disable', PASSWORD);
    const wrong = await login('role.change', 'not the password at all');
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toBe(wrong.body.detail);
    expect((await refresh(session.refreshToken)).status).toBe(401);
    // The access token issued before is refused from the next request on, not when it expires.
    expect((await cases(session.accessToken)).status).toBe(401);
    const { body } = await node.request('GET', '/api/users', { as: 'admin' });
    expect(body.items.find((user: { userId: string }) => user.userId === userId).disabled).toBe(true);

    const enabled = await asAdmin('POST', `/api/users/${userId}/enable`);
    expect(enabled.status).toBe(200);
    expect(enabled.body.disabled).toBe(false);
    expect((await login('to.disable', PASSWORD)).status).toBe(200);
  });

  it('sets a new password: the old one fails, the new one works, the sessions of the old one end', async () => {
    const userId = await newUser('to.reset');
    const session = (await login('to.reset', PASSWORD)).body;
    const res = await asAdmin('POST', `/api/users/${userId}/password`, { password: NEW_PASSWORD });
    expect(res.status).toBe(204);
    expect((await login('to.reset', PASSWORD)).status).toBe(401);
    expect((await login('to.reset', NEW_PASSWORD)).status).toBe(200);
    expect((await refresh(session.refreshToken)).status).toBe(401);
  });

  it('applies the password policy to a new password as on creation', async () => {
    const userId = await newUser('policy.reset');
    const short = await asAdmin('POST', `/api/users/${userId}/password`, { password: 'short' });
    expect(short.status).toBe(400);
    const withName = await asAdmin('POST', `/api/users/${userId}/password`, {
      password: 'policy.reset-and-more',
    });
    expect(withName.status).toBe(422);
    expect(withName.body).toMatchObject({ rule: 'password-policy', errors: [{ field: 'password' }] });
    expect((await login('policy.reset', PASSWORD)).status).toBe(200);
  });

  it('keeps an enabled admin: the last one can neither lose the role nor be disabled (422 last-admin)', async () => {
    const demote = await asAdmin('PATCH', `/api/users/${adminId}`, { role: 'auditor' });
    expect(demote.status).toBe(422);
    expect(demote.body).toMatchObject({ rule: 'last-admin' });
    expect((await me(node.tokens.get('admin') as string)).role).toBe('admin');

    // With a second admin, either may step down; the other is then the last one again.
    const secondId = await newUser('second.admin', 'admin');
    node.tokens.set('second', (await login('second.admin', PASSWORD)).body.accessToken);
    const disableLast = await node.request('POST', `/api/users/${adminId}/disable`, { as: 'second' });
    expect(disableLast.status).toBe(200);
    const demoteSecond = await node.request('PATCH', `/api/users/${secondId}`, {
      as: 'second',
      body: { role: 'auditor' },
    });
    expect(demoteSecond.body).toMatchObject({ rule: 'last-admin' });
    expect((await node.request('POST', `/api/users/${adminId}/enable`, { as: 'second' })).status).toBe(200);
    expect((await asAdmin('PATCH', `/api/users/${secondId}`, { role: 'auditor' })).status).toBe(200);
    node.tokens.set('admin', (await login(ADMIN.username, ADMIN.password)).body.accessToken);
  });

  it('refuses an admin disabling their own account (422 self-disable)', async () => {
    const res = await asAdmin('POST', `/api/users/${adminId}/disable`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ rule: 'self-disable' });
    expect((await login(ADMIN.username, ADMIN.password)).status).toBe(200);
  });

  it('is for admins only', async () => {
    const userId = await newUser('target.user');
    const calls: ['POST' | 'PATCH', string, unknown][] = [
      ['PATCH', `/api/users/${userId}`, { role: 'admin' }],
      ['POST', `/api/users/${userId}/disable`, undefined],
      ['POST', `/api/users/${userId}/enable`, undefined],
      ['POST', `/api/users/${userId}/password`, { password: NEW_PASSWORD }],
    ];
    for (const [method, url, body] of calls) {
      expect((await node.request(method, url, { as: 'case_manager', body })).status).toBe(403);
      expect((await node.request(method, url, { body })).status).toBe(401);
    }
    // Nothing changed: the old password still works and the role is the same.
    const session = await login('target.user', PASSWORD);
    expect(session.status).toBe(200);
    expect((await me(session.body.accessToken)).role).toBe('case_manager');
  });
});
