import { ACCOUNTS_STREAM } from '@nrm/contracts';
import { foldAccounts } from '@nrm/domain';
import { EVENT_STORE, EventStore, StoredEvent } from '@nrm/event-store/port';
import { ACCOUNT_REPOSITORY, AccountRepository } from '@nrm/iam/accounts/account-repository.port';
import { SqliteAccountRepository } from '@nrm/iam/accounts/sqlite-account-repository';
import { openAccountsDatabase } from '@nrm/iam/stores/accounts-database';
import { hashPassword } from '@nrm/iam/passwords/password-hasher';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, NodeHarness, PASSWORD, REGISTRATION } from '../support/node-harness';

const SECOND_PASSWORD = 'a quite different passphrase';
const AT_RISK = {
  referralSource: 'social_services',
  person: REGISTRATION.person,
  vulnerabilities: ['child_left_behind'],
};

/** Accounts in the tamper-evident log: every change an event, the table rebuilt from it, the role at the time. */
describe('accounts in the node log (HTTP)', () => {
  let dataDir: string;
  let node: NodeHarness;
  let adminId: string;
  let userId: string;

  const asAdmin = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
    node.request(method, url, { as: 'admin', body });
  const store = () => node.app.get<EventStore>(EVENT_STORE);
  const accountEvents = async (): Promise<StoredEvent[]> => store().readStream(ACCOUNTS_STREAM);
  const table = () => node.app.get<AccountRepository>(ACCOUNT_REPOSITORY);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'nrm-e2e-accounts-'));
    node = await NodeHarness.start({}, dataDir);
    await node.withUsers(['auditor']);
    await node.registerAgencies(['ngo-x']);
    adminId = table().findByUsername(ADMIN.username)!.userId;
  });
  afterAll(async () => {
    await node.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('records the first admin, made at bootstrap, with the node as its actor', async () => {
    const [first] = await accountEvents();
    expect(first).toMatchObject({
      type: 'AccountCreated',
      actor: { userId: 'node', role: 'node' },
      data: { userId: adminId, username: ADMIN.username, role: 'admin' },
    });
  });

  it('writes create, change, disable, enable and password reset as events, in order, with no password in them', async () => {
    const before = (await accountEvents()).length;
    const created = await asAdmin('POST', '/api/users', {
      username: 'ana.log',
      password: PASSWORD,
      role: 'identification_officer',
      agency: 'national-nrm-office',
      country: 'MD',
    });
    expect(created.status).toBe(201);
    userId = created.body.userId;
    expect(
      (await asAdmin('PATCH', `/api/users/${userId}`, { role: 'case_manager', agency: 'ngo-x' })).status,
    ).toBe(200);
    expect((await asAdmin('POST', `/api/users/${userId}/disable`)).status).toBe(200);
    // Disabling a disabled account changes nothing, and writes nothing.
    expect((await asAdmin('POST', `/api/users/${userId}/disable`)).status).toBe(200);
    expect((await asAdmin('POST', `/api/users/${userId}/enable`)).status).toBe(200);
    expect(
      (await asAdmin('POST', `/api/users/${userId}/password`, { password: SECOND_PASSWORD })).status,
    ).toBe(204);

    const events = (await accountEvents()).slice(before);
    const adminActor = { userId: adminId, role: 'admin' };
    expect(events.map(({ type, actor, data }) => ({ type, actor, data }))).toEqual([
      {
        type: 'AccountCreated',
        actor: expect.objectContaining(adminActor),
        data: {
          userId,
          username: 'ana.log',
          role: 'identification_officer',
          agency: 'national-nrm-office',
          country: 'MD',
        },
      },
      {
        type: 'AccountChanged',
        actor: expect.objectContaining(adminActor),
        data: {
          userId,
          role: { from: 'identification_officer', to: 'case_manager' },
          agency: { from: 'national-nrm-office', to: 'ngo-x' },
        },
      },
      { type: 'AccountDisabled', actor: expect.objectContaining(adminActor), data: { userId } },
      { type: 'AccountReenabled', actor: expect.objectContaining(adminActor), data: { userId } },
      { type: 'AccountPasswordReset', actor: expect.objectContaining(adminActor), data: { userId } },
    ]);

    // Nothing of either password nor of the hash the table keeps, anywhere in the log.
    const everything = JSON.stringify(await store().readAll());
    const hash = table().findById(userId)!.passwordHash;
    for (const secret of [PASSWORD, SECOND_PASSWORD, hash, hash.split('$')[4], hash.split('$')[5]])
      expect(everything).not.toContain(secret);

    // The log still verifies (the CLI's `log verify` does the same check).
    const verify = await node.request('GET', '/api/audit/verify', { as: 'auditor' });
    expect(verify.body).toMatchObject({ valid: true });
  });

  it('answers an account history to admins and auditors: who did what, when, with their role at the time', async () => {
    for (const as of ['admin', 'auditor']) {
      const res = await node.request('GET', `/api/users/${userId}/history`, { as });
      expect(res.status).toBe(200);
      expect(res.body.items.map((item: { type: string }) => item.type)).toEqual([
        'AccountCreated',
        'AccountChanged',
        'AccountDisabled',
        'AccountReenabled',
        'AccountPasswordReset',
      ]);
      expect(res.body.items[1]).toMatchObject({
        actor: { userId: adminId, role: 'admin' },
        data: { role: { from: 'identification_officer', to: 'case_manager' } },
      });
      expect(typeof res.body.items[1].occurredAt).toBe('string');
    }
    expect((await node.request('GET', `/api/users/${userId}/history`, { as: 'admin' })).status).toBe(200);
    expect(
      (await node.request('GET', '/api/users/0b7c5a70-4a8e-4b8e-9a64-3c1f2f6f9d11/history', { as: 'admin' }))
        .status,
    ).toBe(404);
    expect((await node.request('GET', '/api/users/not-an-id/history', { as: 'admin' })).status).toBe(404);
  });

  it('refuses a taken username (409) and writes nothing', async () => {
    const before = (await accountEvents()).length;
    const res = await asAdmin('POST', '/api/users', {
      username: 'ANA.log',
      password: PASSWORD,
      role: 'auditor',
    });
    expect(res.status).toBe(409);
    expect((await accountEvents()).length).toBe(before);
  });

  it('names, in the access log and the case history, the role a user held at the time of each action', async () => {
    const created = await asAdmin('POST', '/api/users', {
      username: 'mover',
      password: PASSWORD,
      role: 'identification_officer',
      agency: 'national-nrm-office',
    });
    const moverId = created.body.userId;
    const token = await node.login('mover', PASSWORD);
    const as = { token };
    const first = await node.request('POST', '/api/cases/at-risk', { ...as, body: AT_RISK });
    expect(first.status).toBe(201);
    await node.request('GET', `/api/cases/${first.body.caseId}?purpose=case_work`, as);

    // The person consents to assistance: the case manager the mover becomes reads them under it.
    const consent = { purpose: 'assistance', granted: true };
    const given = await node.request('POST', `/api/cases/${first.body.caseId}/consents`, {
      ...as,
      body: consent,
    });
    expect(given.status).toBe(201);
    expect((await asAdmin('PATCH', `/api/users/${moverId}`, { role: 'case_manager' })).status).toBe(200);
    // The same token acts with the new role from the next request on.
    const second = await node.request('POST', '/api/cases/at-risk', { ...as, body: AT_RISK });
    expect(second.status).toBe(201);
    await node.request('GET', `/api/cases/${first.body.caseId}?purpose=case_work`, as);

    const reads = await node.request('GET', `/api/audit/access-log?userId=${moverId}`, { as: 'auditor' });
    expect(reads.body.items.map((read: { role: string }) => read.role)).toEqual([
      'identification_officer',
      'case_manager',
    ]);
    expect(reads.body.items[0]).toMatchObject({ agency: 'national-nrm-office' });
    const historyOf = async (caseId: string) =>
      (await node.request('GET', `/api/cases/${caseId}/events`, { as: 'auditor' })).body.items[0].actor;
    expect(await historyOf(first.body.caseId)).toMatchObject({
      userId: moverId,
      role: 'identification_officer',
    });
    expect(await historyOf(second.body.caseId)).toMatchObject({ userId: moverId, role: 'case_manager' });
    // And the account's own history says when the role changed.
    const history = (await node.request('GET', `/api/users/${moverId}/history`, { as: 'auditor' })).body
      .items;
    expect(history[1]).toMatchObject({
      type: 'AccountChanged',
      data: { role: { from: 'identification_officer', to: 'case_manager' } },
    });
  });

  it('rebuilds the table from the log on start: a role or state changed behind its back is put back, a lost row restored', async () => {
    const fromLog = foldAccounts(await accountEvents());
    await node.stop();
    const db = openAccountsDatabase(dataDir);
    db.prepare(`UPDATE accounts SET role = 'admin', disabled = 1 WHERE user_id = ?`).run(userId);
    const lostId = new SqliteAccountRepository(db).findByUsername('auditor-user')!.userId;
    db.prepare('DELETE FROM accounts WHERE user_id = ?').run(lostId);
    db.close();

    node = await NodeHarness.start({}, dataDir);
    const accounts = table().list();
    expect(
      accounts.map(({ userId, username, role, agency, country, disabled }) => ({
        userId,
        username,
        role,
        ...(agency ? { agency } : {}),
        ...(country ? { country } : {}),
        disabled,
      })),
    ).toEqual(
      expect.arrayContaining([...fromLog.accounts.values()].map((record) => expect.objectContaining(record))),
    );
    expect(accounts).toHaveLength(fromLog.accounts.size);
    expect(table().findById(userId)).toMatchObject({ role: 'case_manager', disabled: false });
    // The lost row is back with its role, but without a usable password: an admin sets one.
    expect(table().findById(lostId)).toMatchObject({ role: 'auditor', username: 'auditor-user' });
    const login = await node.request('POST', '/api/auth/login', {
      body: { username: 'auditor-user', password: PASSWORD },
    });
    expect(login.status).toBe(401);
    // Nothing was written to the log to repair the table: the log was right.
    expect(foldAccounts(await accountEvents())).toEqual(fromLog);
  });
});

describe('a node whose account table is older than its accounts in the log', () => {
  it('records the existing accounts once, with the node as actor, and makes no first admin', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nrm-e2e-adopt-'));
    const db = openAccountsDatabase(dataDir);
    const old = new SqliteAccountRepository(db).create({
      username: 'old.admin',
      passwordHash: await hashPassword(PASSWORD),
      role: 'admin',
    });
    db.close();
    let node = await NodeHarness.start({}, dataDir);
    try {
      const events = await node.app.get<EventStore>(EVENT_STORE).readStream(ACCOUNTS_STREAM);
      expect(events.map(({ type, actor, data }) => ({ type, actor, data }))).toEqual([
        {
          type: 'AccountCreated',
          actor: { userId: 'node', role: 'node' },
          data: { userId: old.userId, username: 'old.admin', role: 'admin', adopted: true },
        },
      ]);
      await node.stop();
      node = await NodeHarness.start({}, dataDir);
      expect(await node.app.get<EventStore>(EVENT_STORE).readStream(ACCOUNTS_STREAM)).toHaveLength(1);
      expect(
        (
          await node.request('POST', '/api/auth/login', {
            body: { username: 'old.admin', password: PASSWORD },
          })
        ).status,
      ).toBe(200);
    } finally {
      await node.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
