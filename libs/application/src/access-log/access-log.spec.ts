import { ProjectionRunner, SqliteReadModelStore } from '@nrm/read-models';
import { openSourceLog, SourceLog } from '@nrm/read-models/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Principal } from '@nrm/iam/roles';
import { PersonalDataCipher } from '@nrm/privacy';
import { InMemoryKeyStore } from '@nrm/privacy/testing';
import { EventWriter } from '../log/event-writer';
import { TemporarilyUnavailableError } from '@nrm/common';
import { AccessLog } from './access-log';

const AT = new Date('2025-01-06T09:00:00.000Z');
const caseManager: Principal = {
  userId: randomUUID(),
  username: 'cm',
  role: 'case_manager',
  agency: 'NGO-1',
};
const auditor: Principal = { userId: randomUUID(), username: 'au', role: 'auditor' };

describe('AccessLog (embedded log and read models)', () => {
  let log: SourceLog;
  let readModels: SqliteReadModelStore;
  let runner: ProjectionRunner;
  let accessLog: AccessLog;

  beforeEach(async () => {
    log = openSourceLog();
    readModels = new SqliteReadModelStore({ file: join(log.dir, 'read-models.sqlite') });
    runner = new ProjectionRunner(log.eventStore, readModels, { retryDelayMs: 50 });
    const writer = new EventWriter(
      log.eventStore,
      new PersonalDataCipher(new InMemoryKeyStore()),
      { now: () => AT },
      { nodeId: 'node-md' },
    );
    accessLog = new AccessLog(log.eventStore, writer, readModels, runner);
  });
  afterEach(async () => {
    await runner.stop();
    await readModels.close();
    await log.close();
  });

  it('answers with every access recorded before the question, by case, by user and both', async () => {
    await runner.start();
    const [first, second] = [randomUUID(), randomUUID()];
    await accessLog.record(caseManager, first, 'assistance_planning', 'api');
    await accessLog.record(auditor, first, 'complaint_investigation', 'api');
    await accessLog.record(caseManager, second, 'case_work', 'export');

    // Asked at once: the projections have not necessarily applied these yet, the answer waits for them.
    expect(await accessLog.query({ caseId: first })).toStrictEqual([
      {
        position: 1,
        at: AT.toISOString(),
        userId: caseManager.userId,
        role: 'case_manager',
        agency: 'NGO-1',
        caseId: first,
        purpose: 'assistance_planning',
        channel: 'api',
      },
      {
        position: 2,
        at: AT.toISOString(),
        userId: auditor.userId,
        role: 'auditor',
        caseId: first,
        purpose: 'complaint_investigation',
        channel: 'api',
      },
    ]);
    expect((await accessLog.query({ userId: caseManager.userId })).map((e) => e.caseId)).toEqual([
      first,
      second,
    ]);
    expect(await accessLog.query({ caseId: second, userId: auditor.userId })).toEqual([]);
    expect(await accessLog.query({})).toHaveLength(3);
  });

  it('refuses as temporarily unavailable (503) rather than an incomplete access log when the projections cannot reach the head', async () => {
    const caseId = randomUUID();
    await accessLog.record(caseManager, caseId, 'case_work', 'api');
    // An event this code cannot read stops the projections short of the head.
    await log.eventStore.append(
      `case-${caseId}`,
      [
        {
          id: randomUUID(),
          type: 'RiskAssessed',
          schemaVersion: 9,
          occurredAt: AT.toISOString(),
          nodeId: 'node-md',
          actor: { userId: caseManager.userId, role: 'case_manager' },
          correlationId: randomUUID(),
          data: { kind: 'general', level: 'high' },
        },
      ],
      'any',
    );
    await runner.start();

    const answer = await accessLog.query({ caseId }).catch((error: unknown) => error);
    expect(answer).toBeInstanceOf(TemporarilyUnavailableError);
    expect((answer as TemporarilyUnavailableError).retryAfterSeconds).toBe(1);
  });

  it('answers from the read model as it stands where the projections run elsewhere', async () => {
    const caseId = randomUUID();
    await accessLog.record(caseManager, caseId, 'case_work', 'api');
    expect(await accessLog.query({ caseId })).toEqual([]);
    for (const projection of readModels.projections()) {
      await projection.handle(await log.eventStore.readAll());
    }
    expect(await accessLog.query({ caseId })).toHaveLength(1);
  });
});
