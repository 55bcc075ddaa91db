import { caseStreamId } from '@nrm/contracts';
import { CaseCommand, CaseNotFoundError, RevisionConflictError, RuleViolation } from '@nrm/domain';
import { AppendResult, EventStore, ExpectedRevision, NewEvent } from '@nrm/event-store/port';
import type { Principal } from '@nrm/iam/roles';
import { ProjectionRunner, SqliteReadModelStore } from '@nrm/read-models';
import { openSourceLog, SourceLog } from '@nrm/read-models/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { EventWriter } from '../log/event-writer';
import { CaseCommandExecutor } from './case-command.executor';
import { CaseRepository } from './case-repository';
import { CommandMetadata } from './command-metadata';

const AT = '2025-03-01T09:00:00.000Z';
const officer: Principal = {
  userId: randomUUID(),
  username: 'io',
  role: 'identification_officer',
  agency: 'POLICE-1',
};
const stranger: Principal = { ...officer, userId: randomUUID(), agency: 'POLICE-9' };

/**
 * The event store as the executor meets it when other requests write to the same case: before the
 * executor's next `racing` appends reach the store, another writer appends to the stream first.
 */
class RacingStore {
  racing = 0;
  constructor(
    private readonly store: EventStore,
    private readonly rival: (stream: string) => Promise<unknown>,
  ) {}
  readStream: EventStore['readStream'] = (...args) => this.store.readStream(...args);
  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.racing > 0) {
      this.racing--;
      await this.rival(stream);
    }
    return this.store.append(stream, events, expected);
  }
}

describe('CaseCommandExecutor on a real embedded log', () => {
  let log: SourceLog;
  let readModels: SqliteReadModelStore;
  let runner: ProjectionRunner;
  let store: RacingStore;
  let executor: CaseCommandExecutor;
  let caseId: string;

  const meta = (principal = officer, expectedRevision?: number): CommandMetadata => ({
    principal,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    expectedRevision,
  });
  const consent = (purpose: 'assistance' | 'return' | 'data_sharing'): CaseCommand => ({
    type: 'GiveConsent',
    caseId,
    at: AT,
    purpose,
  });
  const stream = () => log.eventStore.readStream(caseStreamId(caseId));
  const head = () => log.eventStore.headPosition();

  beforeEach(async () => {
    log = openSourceLog();
    readModels = new SqliteReadModelStore({ file: join(log.dir, 'read-models.sqlite') });
    runner = new ProjectionRunner(log.eventStore, readModels, { retryDelayMs: 20 });
    await runner.start();
    const clock = { now: () => new Date(AT) };
    const writerOn = (target: EventStore) => new EventWriter(target, log.cipher, clock, { nodeId: 'nrm-md' });
    // A rival is another request of the same node: a consent to assistance recorded in between.
    const rival = new CaseRepository(log.eventStore, writerOn(log.eventStore));
    store = new RacingStore(log.eventStore, async () => {
      const { revision } = await rival.load(caseId);
      await rival.append(
        caseId,
        [{ type: 'ConsentGiven', data: { purpose: 'assistance' } }],
        revision,
        AT,
        meta(),
      );
    });
    const racing = store as unknown as EventStore;
    executor = new CaseCommandExecutor(new CaseRepository(racing, writerOn(racing)), runner, true);
    caseId = randomUUID();
    await executor.execute(
      {
        type: 'RegisterPresumedVictim',
        caseId,
        at: AT,
        referralSource: 'ngo',
        person: { givenName: 'Ana', familyName: 'Popescu', sex: 'female', citizenship: 'MD' },
        countryOfExploitation: 'DE',
        formsOfExploitation: ['forced_labour'],
        reflectionPeriodDays: 30,
      },
      meta(),
    );
  });
  afterEach(async () => {
    await runner.stop();
    await readModels.close();
    await log.close();
  });

  it('decides again on the fresh history when another append lands first, and records both', async () => {
    store.racing = 1;
    const result = await executor.execute(consent('return'), meta());
    const events = await stream();
    expect(events.map((e) => [e.revision, e.type, e.data.purpose])).toEqual([
      [0, 'PresumedVictimRegistered', undefined],
      [1, 'ReflectionPeriodStarted', undefined],
      [2, 'ConsentGiven', 'assistance'],
      [3, 'ConsentGiven', 'return'],
    ]);
    expect(result.revision).toBe(3);
    // Read-your-writes: the read model already shows the command's effect.
    expect((await readModels.getCase(caseId))?.consents.map((c) => c.purpose)).toEqual([
      'assistance',
      'return',
    ]);
  });

  it('gives up with a revision conflict after three attempts that all lost the race, writing nothing of its own', async () => {
    store.racing = 3;
    const error = await executor.execute(consent('return'), meta()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RevisionConflictError);
    expect((error as RevisionConflictError).currentRevision).toBe(4);
    expect((await stream()).filter((e) => e.data.purpose === 'return')).toEqual([]);
  });

  it('does not retry a command pinned by If-Match: a conflict names the current revision', async () => {
    store.racing = 1;
    const error = await executor.execute(consent('return'), meta(officer, 1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RevisionConflictError);
    expect((error as RevisionConflictError).currentRevision).toBe(2);
    expect((await stream()).map((e) => e.data.purpose)).toEqual([undefined, undefined, 'assistance']);
  });

  it('refuses a stale If-Match before deciding, and writes nothing', async () => {
    const before = await head();
    const error = await executor.execute(consent('return'), meta(officer, 0)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RevisionConflictError);
    expect((error as RevisionConflictError).currentRevision).toBe(1);
    expect(await head()).toBe(before);
  });

  it('answers a case outside the caller’s scope exactly as a missing one, whatever revision is named', async () => {
    const before = await head();
    for (const m of [meta(stranger), meta(stranger, 0), meta(stranger, 1)]) {
      await expect(executor.execute(consent('return'), m)).rejects.toBeInstanceOf(CaseNotFoundError);
    }
    await expect(
      executor.execute({ ...consent('return'), caseId: randomUUID() }, meta()),
    ).rejects.toBeInstanceOf(CaseNotFoundError);
    expect(await head()).toBe(before);
  });

  it('writes nothing when the decider refuses by a rule', async () => {
    const before = await head();
    const error = await executor.execute(consent('data_sharing'), meta()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleViolation);
    expect((error as RuleViolation).rule).toBe('consent-required');
    expect(await head()).toBe(before);
  });

  it('records the request’s correlation and causation ids and the caller on every event it writes', async () => {
    const m = meta();
    await executor.execute(consent('return'), m);
    const last = (await stream()).at(-1);
    expect(last).toMatchObject({
      correlationId: m.correlationId,
      causationId: m.causationId,
      actor: { userId: officer.userId, role: 'identification_officer', agency: 'POLICE-1' },
      nodeId: 'nrm-md',
      schemaVersion: 1,
    });
  });
});
