import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { SqliteReadModelStore } from '../sqlite/sqlite-read-model-store';
import { SqliteCheckpoints } from '../sqlite/sqlite-checkpoints';
import { recordAccess } from '../testing/access-fixtures';
import { actor, day, record, registration, walkToHandover } from '../testing/case-fixtures';
import { Harness, openHarness } from '../testing/harness';
import { auditReplay, type ReplayAuditOptions } from './replay-audit';

const T0 = '2025-01-06T09:00:00.000Z';

describe('auditReplay (live SQLite read models, opened read-only)', () => {
  let h: Harness;
  let walked: string;
  let registered: string;
  beforeEach(async () => {
    h = openHarness();
    walked = randomUUID();
    registered = randomUUID();
    await record(h.eventStore, h.cipher, walked, walkToHandover(walked, T0));
    await record(h.eventStore, h.cipher, registered, registration({ caseId: registered, at: T0 }));
    await recordAccess(h.eventStore, { caseId: walked, actor, purpose: 'case_management', at: day(T0, 40) });
    await h.project();
  });
  afterEach(() => h.close());

  const audit = async (options: ReplayAuditOptions = {}) => {
    const live = new SqliteReadModelStore({ file: h.readModelFile, readOnly: true });
    try {
      return await auditReplay(h.eventStore, live, options);
    } finally {
      await live.close();
    }
  };
  /** Changes the live read models behind the log's back, as someone with the file would. */
  const tamper = (sql: string, ...params: unknown[]) => {
    const db = new Database(h.readModelFile);
    try {
      db.prepare(sql).run(...params);
    } finally {
      db.close();
    }
  };
  const liveBytes = () =>
    [h.readModelFile, `${h.readModelFile}-wal`].map((f) => (existsSync(f) ? readFileSync(f) : undefined));

  it('finds read models projected from the log equal to their replay, and writes nothing to them', async () => {
    const before = liveBytes();

    const report = await audit();

    expect(report).toMatchObject({
      matches: true,
      logHead: 20,
      comparedUpTo: 20,
      eventsReplayed: 20,
      differences: [],
      differenceCount: 0,
      checkpointProblems: [],
      notes: [],
    });
    expect(report.tallies).toEqual([
      { model: 'case-detail', compared: 2, notCompared: 0 },
      { model: 'case-history', compared: 19, notCompared: 0 },
      { model: 'access-log', compared: 1, notCompared: 0 },
      { model: 'case-statistics', compared: 2, notCompared: 0 },
    ]);
    expect(liveBytes()).toEqual(before);
  });

  it('names each row changed behind the log’s back: model, case, field, live and replayed values', async () => {
    tamper(`UPDATE case_detail SET stage = 'closed' WHERE case_id = ?`, walked);
    tamper(
      `UPDATE case_detail SET detail = json_set(detail, '$.identification.status', 'not_identified') WHERE case_id = ?`,
      registered,
    );
    tamper(`DELETE FROM access_log`);
    tamper(`UPDATE case_history SET type = 'CaseClosed' WHERE position = 2`);
    tamper(`INSERT INTO case_agencies (case_id, agency) VALUES (?, 'POLICE-X')`, registered);

    const report = await audit();

    expect(report.matches).toBe(false);
    expect(report.differenceCount).toBe(4);
    const [first, second] = [walked, registered].sort();
    const byCase = (caseId: string) =>
      report.differences.find((d) => d.model === 'case-detail' && d.caseId === caseId);
    expect(byCase(walked)).toEqual({
      model: 'case-detail',
      key: walked,
      caseId: walked,
      kind: 'changed',
      fields: [{ path: '/listing/stage', live: 'closed', replayed: 'handover_proposed' }],
    });
    expect(byCase(registered)?.fields).toEqual([
      { path: '/listing/agencies/1', live: 'POLICE-X' },
      { path: '/detail/identification/status', live: 'not_identified', replayed: 'pending' },
    ]);
    expect(report.differences.map((d) => d.key)).toEqual([first, second, '2', '20']);
    expect(report.differences.slice(2)).toEqual([
      {
        model: 'case-history',
        key: '2',
        caseId: walked,
        kind: 'changed',
        fields: [{ path: '/type', live: 'CaseClosed', replayed: 'ReflectionPeriodStarted' }],
      },
      { model: 'access-log', key: '20', caseId: walked, kind: 'missing-in-live' },
    ]);
  });

  it('finds a statistics count changed behind the log’s back, naming the case', async () => {
    tamper(`DELETE FROM statistics_facts WHERE case_id = ? AND tbl = 'registrations-by-sex'`, registered);

    const report = await audit();

    expect(report.matches).toBe(false);
    expect(report.differences).toEqual([
      expect.objectContaining({
        model: 'case-statistics',
        key: registered,
        caseId: registered,
        kind: 'changed',
      }),
    ]);
    expect(report.differences[0].fields?.map((f) => f.path)).toContainEqual(
      expect.stringMatching(/^\/counted\//),
    );
  });

  it('--until a position: replays up to it and leaves the rows changed later uncompared', async () => {
    const until = await h.eventStore.headPosition();
    await record(h.eventStore, h.cipher, registered, [
      { type: 'CaseClosed', at: day(T0, 50), data: { reason: 'duplicate', closedAt: day(T0, 50) } },
    ]);
    await recordAccess(h.eventStore, {
      caseId: registered,
      actor,
      purpose: 'case_management',
      at: day(T0, 51),
    });
    await h.project();
    // Changed after the point compared: not this audit's to judge.
    tamper(`UPDATE case_detail SET stage = 'registered' WHERE case_id = ?`, registered);

    const report = await audit({ until: { position: until } });

    expect(report).toMatchObject({
      matches: true,
      logHead: until + 2,
      comparedUpTo: until,
      eventsReplayed: until,
    });
    expect(report.tallies).toEqual([
      { model: 'case-detail', compared: 1, notCompared: 1 },
      { model: 'case-history', compared: 19, notCompared: 1 },
      { model: 'access-log', compared: 1, notCompared: 1 },
      { model: 'case-statistics', compared: 1, notCompared: 1 },
    ]);
    expect(report.notes).toEqual([`compared as of log position ${until} of ${until + 2}`]);

    tamper(`UPDATE case_detail SET stage = 'registered' WHERE case_id = ?`, walked);
    expect((await audit({ until: { position: until } })).differences).toEqual([
      expect.objectContaining({ model: 'case-detail', caseId: walked, kind: 'changed' }),
    ]);
  });

  it('--until an instant: replays the events recorded at or before it', async () => {
    const events = await h.eventStore.readAll({ limit: 100 });
    const at = events[9].recordedAt;
    const expected = events.filter((e) => Date.parse(e.recordedAt) <= Date.parse(at)).at(-1)!.position;

    const report = await audit({ until: { time: at } });

    expect(report).toMatchObject({ matches: true, comparedUpTo: expected, until: { time: at } });
    const before = await audit({ until: { time: '2000-01-01T00:00:00.000Z' } });
    expect(before).toMatchObject({ matches: true, comparedUpTo: 0, eventsReplayed: 0 });
    expect(before.tallies.every((t) => t.compared === 0)).toBe(true);
  });

  it('compares a store behind the log as of its own position, and says so', async () => {
    const at = await h.eventStore.headPosition();
    await recordAccess(h.eventStore, { caseId: walked, actor, purpose: 'case_management', at: day(T0, 41) });

    const report = await audit();

    expect(report).toMatchObject({ matches: true, comparedUpTo: at, logHead: at + 1 });
    expect(report.notes).toEqual([
      `live read models are at position ${at}, the log at ${at + 1} (the node catches up when it starts): nothing later is compared`,
    ]);
  });

  it('reports a live checkpoint beyond the log’s head: the projection would skip events', async () => {
    const db = new Database(h.readModelFile);
    new SqliteCheckpoints(db).write('access-log', 500);
    db.close();

    const report = await audit();

    expect(report.matches).toBe(false);
    expect(report.differenceCount).toBe(0);
    expect(report.checkpointProblems).toEqual([
      "the live access-log projection claims position 500, beyond the log's head 20: it would skip the events appended up to there",
    ]);
  });
});
