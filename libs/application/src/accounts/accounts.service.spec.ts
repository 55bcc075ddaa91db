import { ConflictError, NotFoundError } from '@nrm/common';
import { ACCOUNTS_STREAM } from '@nrm/contracts';
import { NODE_ACTOR } from '@nrm/iam/accounts/account-administration.port';
import { AccountRepository } from '@nrm/iam/accounts/account-repository.port';
import { SqliteAccountRepository } from '@nrm/iam/accounts/sqlite-account-repository';
import { tempAccountsDatabase } from '@nrm/iam/testing/store-fixture';
import { ProblemException } from '@nrm/http/problem';
import { PersonalDataCipher } from '@nrm/privacy';
import { InMemoryKeyStore } from '@nrm/privacy/testing';
import { openSourceLog, SourceLog } from '@nrm/read-models/testing';
import { EventWriter } from '../log/event-writer';
import { AccountsService, UNUSABLE_PASSWORD_HASH } from './accounts.service';

const AT = new Date('2026-01-06T09:00:00.000Z');
const ADMIN = { userId: 'a1', role: 'admin' };

describe('AccountsService: the log first, then the table', () => {
  let log: SourceLog;
  let database: ReturnType<typeof tempAccountsDatabase>;
  let table: AccountRepository;
  let service: AccountsService;

  beforeEach(() => {
    log = openSourceLog();
    database = tempAccountsDatabase();
    table = new SqliteAccountRepository(database.connect());
    const writer = new EventWriter(
      log.eventStore,
      new PersonalDataCipher(new InMemoryKeyStore()),
      { now: () => AT },
      { nodeId: 'node-md' },
    );
    service = new AccountsService(log.eventStore, writer, table, { now: () => AT });
  });
  afterEach(async () => {
    await log.close();
    database.dispose();
  });

  const events = () => log.eventStore.readStream(ACCOUNTS_STREAM);
  const newAdmin = (username = 'admin') =>
    service.create({ username, passwordHash: 'scrypt$h', role: 'admin' }, NODE_ACTOR);

  it('writes the event with the acting admin, then the table; the hash never reaches the log', async () => {
    const admin = await newAdmin();
    const user = await service.create(
      { username: 'ana', passwordHash: 'scrypt$secret-hash', role: 'auditor', agency: 'police' },
      { ...ADMIN, userId: admin.userId },
      { correlationId: 'c-1', causationId: 'req-1' },
    );
    expect(table.findById(user.userId)).toMatchObject({
      username: 'ana',
      role: 'auditor',
      createdAt: AT.toISOString(),
    });
    await service.setPasswordHash(user.userId, 'scrypt$other-hash', { ...ADMIN, userId: admin.userId });
    const written = await events();
    expect(written.map((e) => [e.type, e.actor.userId])).toEqual([
      ['AccountCreated', 'node'],
      ['AccountCreated', admin.userId],
      ['AccountPasswordReset', admin.userId],
    ]);
    expect(written[1]).toMatchObject({ correlationId: 'c-1', causationId: 'req-1' });
    expect(JSON.stringify(written)).not.toMatch(/hash/);
    expect(table.findById(user.userId)?.passwordHash).toBe('scrypt$other-hash');
  });

  it('changes nothing, in the log nor the table, when the log refuses', async () => {
    const admin = await newAdmin();
    await expect(
      service.create({ username: 'ADMIN', passwordHash: 'h', role: 'auditor' }, ADMIN),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      service.setDisabled(admin.userId, true, { ...ADMIN, userId: 'other' }),
    ).rejects.toBeInstanceOf(ProblemException);
    await expect(service.update('nobody', { role: 'auditor' }, ADMIN)).rejects.toBeInstanceOf(NotFoundError);
    expect(await events()).toHaveLength(1);
    expect(table.list()).toHaveLength(1);
    expect(table.findById(admin.userId)?.disabled).toBe(false);
  });

  it('leaves the table untouched when the append fails', async () => {
    await newAdmin();
    const user = await service.create({ username: 'ana', passwordHash: 'h', role: 'auditor' }, ADMIN);
    jest.spyOn(log.eventStore, 'append').mockRejectedValueOnce(new Error('disk full'));
    await expect(service.update(user.userId, { role: 'case_manager' }, ADMIN)).rejects.toThrow('disk full');
    expect(table.findById(user.userId)?.role).toBe('auditor');
  });

  it('brings a table left behind by a stop between the two writes level with the log at the next start', async () => {
    await newAdmin();
    const user = await service.create({ username: 'ana', passwordHash: 'h', role: 'auditor' }, ADMIN);
    // The event is written, the process stops before the table changes.
    jest.spyOn(table, 'update').mockImplementationOnce(() => {
      throw new Error('stopped');
    });
    await expect(service.update(user.userId, { role: 'case_manager' }, ADMIN)).rejects.toThrow('stopped');
    jest.spyOn(table, 'create').mockImplementationOnce(() => {
      throw new Error('stopped');
    });
    await expect(
      service.create({ username: 'lost', passwordHash: 'h', role: 'auditor' }, ADMIN),
    ).rejects.toThrow('stopped');
    expect(table.findById(user.userId)?.role).toBe('auditor');

    const found = await service.reconcile();
    expect(found.repaired).toEqual([user.userId]);
    expect(found.restored).toHaveLength(1);
    expect(table.findById(user.userId)?.role).toBe('case_manager');
    expect(table.findByUsername('lost')).toMatchObject({
      role: 'auditor',
      passwordHash: UNUSABLE_PASSWORD_HASH,
    });
    // Level now: a second start finds nothing to do and writes nothing.
    const before = (await events()).length;
    expect(await service.reconcile()).toEqual({ adopted: [], repaired: [], restored: [] });
    expect(await events()).toHaveLength(before);
  });

  it('answers an account history with its events only, and 404 for an account the log does not hold', async () => {
    const admin = await newAdmin();
    const user = await service.create({ username: 'ana', passwordHash: 'h', role: 'auditor' }, ADMIN);
    await service.update(user.userId, { agency: 'police' }, ADMIN);
    expect((await service.history(user.userId)).map((item) => [item.type, item.data])).toEqual([
      ['AccountCreated', { userId: user.userId, username: 'ana', role: 'auditor' }],
      ['AccountChanged', { userId: user.userId, agency: { to: 'police' } }],
    ]);
    expect((await service.history(admin.userId)).map((item) => item.actor)).toEqual([NODE_ACTOR]);
    await expect(service.history('nobody')).rejects.toBeInstanceOf(NotFoundError);
  });
});
