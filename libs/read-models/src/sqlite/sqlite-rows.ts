import type Database from 'better-sqlite3';
import type { CaseDetail, CaseStage, DeadlineKind } from '../port/case-views';
import type { ReadModelRow } from '../port/read-model-row';
import { caseDetailRow, type ListedDeadline } from '../rows/case-detail-row';
import { caseStatisticsRow } from '../rows/case-statistics-row';
import type { CaseStatistics } from '../statistics/case-statistics';
import type { StatisticsFact, CountedTableName } from '../statistics/statistics-tables';

/** Rows per query: pages keep memory flat, and no statement stays open between pages. */
const PAGE = 500;

interface CaseRow {
  case_id: string;
  stage: CaseStage;
  country_of_exploitation: string | null;
  citizenship: string | null;
  registered_at_ms: number | null;
  updated_at_ms: number;
  reflection_ends_at_ms: number | null;
  stage_rank: number;
  presumed_minor: number;
  detail: string;
  last_position: number;
}

interface DeadlineRow {
  case_id: string;
  kind: DeadlineKind;
  ref: string;
  due_at: string;
  due_at_ms: number;
}

/**
 * Every row of the SQLite read models in the canonical form (`ReadModelRow`), pages by key.
 * The case's agencies, actors and deadlines are read from their own tables: those are what the
 * list queries see, whatever the detail says.
 */
export async function* sqliteRows(db: Database.Database): AsyncGenerator<ReadModelRow> {
  yield* caseDetailRows(db);
  yield* positionalRows(db, 'case-history', HISTORY_SQL, (row) => ({
    caseId: row.case_id as string,
    revision: row.revision,
    eventId: row.event_id,
    type: row.type,
    occurredAt: row.occurred_at,
    actor: JSON.parse(row.actor as string) as unknown,
    data: JSON.parse(row.data as string) as unknown,
  }));
  yield* positionalRows(db, 'access-log', ACCESS_SQL, (row) => ({
    eventId: row.event_id,
    caseId: row.case_id as string,
    userId: row.user_id,
    role: row.role,
    ...(row.agency === null ? {} : { agency: row.agency }),
    purpose: row.purpose,
    channel: row.channel,
    at: row.at,
  }));
  yield* caseStatisticsRows(db);
}

const HISTORY_SQL = `SELECT position, case_id, revision, event_id, type, occurred_at, actor, data
  FROM case_history WHERE position > ? ORDER BY position LIMIT ?`;
const ACCESS_SQL = `SELECT position, event_id, case_id, user_id, role, agency, purpose, channel, at
  FROM access_log WHERE position > ? ORDER BY position LIMIT ?`;

async function* caseDetailRows(db: Database.Database): AsyncGenerator<ReadModelRow> {
  const page = db.prepare<[string, number], CaseRow>(
    `SELECT case_id, stage, country_of_exploitation, citizenship, registered_at_ms, updated_at_ms,
       reflection_ends_at_ms, stage_rank, presumed_minor, detail, last_position
     FROM case_detail WHERE case_id > ? ORDER BY case_id LIMIT ?`,
  );
  let after = '';
  for (;;) {
    const cases = page.all(after, PAGE);
    if (cases.length === 0) return;
    const ids = cases.map((row) => row.case_id);
    const deadlines = groupByCase(
      db,
      'SELECT case_id, kind, ref, due_at, due_at_ms FROM case_deadlines',
      ids,
    );
    const agencies = groupByCase(db, 'SELECT case_id, agency FROM case_agencies', ids);
    const actors = groupByCase(db, 'SELECT case_id, user_id FROM case_actors', ids);
    for (const row of cases) {
      const listed = ((deadlines.get(row.case_id) ?? []) as unknown as DeadlineRow[]).map(
        (d): ListedDeadline => ({ kind: d.kind, ref: d.ref, dueAt: d.due_at, dueAtMs: d.due_at_ms }),
      );
      yield caseDetailRow({
        caseId: row.case_id,
        lastPosition: row.last_position,
        listing: {
          stage: row.stage,
          countryOfExploitation: row.country_of_exploitation,
          citizenship: row.citizenship,
          registeredAtMs: row.registered_at_ms,
          updatedAtMs: row.updated_at_ms,
          reflectionEndsAtMs: row.reflection_ends_at_ms,
          stageRank: row.stage_rank,
          presumedMinor: row.presumed_minor === 1,
          nextDueAtMs: listed.length ? Math.min(...listed.map((d) => d.dueAtMs)) : null,
          agencies: (agencies.get(row.case_id) ?? []).map((r) => r.agency as string),
          actors: (actors.get(row.case_id) ?? []).map((r) => r.user_id as string),
        },
        deadlines: listed,
        detail: JSON.parse(row.detail) as CaseDetail,
      });
    }
    after = ids[ids.length - 1];
  }
}

type Columns = Record<string, unknown>;

function groupByCase(db: Database.Database, select: string, ids: string[]): Map<string, Columns[]> {
  const rows = db
    .prepare<string[], Columns>(`${select} WHERE case_id IN (${ids.map(() => '?').join(', ')})`)
    .all(...ids);
  const byCase = new Map<string, Columns[]>();
  for (const row of rows) {
    const caseId = row.case_id as string;
    byCase.set(caseId, [...(byCase.get(caseId) ?? []), row]);
  }
  return byCase;
}

async function* positionalRows(
  db: Database.Database,
  model: 'case-history' | 'access-log',
  sql: string,
  value: (row: Columns) => Record<string, unknown>,
): AsyncGenerator<ReadModelRow> {
  const page = db.prepare<[number, number], Columns & { position: number }>(sql);
  let after = -1;
  for (;;) {
    const rows = page.all(after, PAGE);
    if (rows.length === 0) return;
    for (const row of rows) {
      yield { model, key: String(row.position), caseId: row.case_id as string, value: value(row) };
    }
    after = rows[rows.length - 1].position;
  }
}

/** The statistics state per case, with the fact rows the store counts (its own table). */
function* caseStatisticsRows(db: Database.Database): Generator<ReadModelRow> {
  const page = db.prepare<[string, number], { case_id: string; state: string }>(
    'SELECT case_id, state FROM case_statistics WHERE case_id > ? ORDER BY case_id LIMIT ?',
  );
  const factsOf = db.prepare<
    [string],
    { tbl: CountedTableName; category: string; year: number; quarter: number }
  >('SELECT tbl, category, year, quarter FROM statistics_facts WHERE case_id = ?');
  let after = '';
  for (;;) {
    const cases = page.all(after, PAGE);
    if (cases.length === 0) return;
    for (const row of cases) {
      const counted: StatisticsFact[] = factsOf
        .all(row.case_id)
        .map(({ tbl, category, year, quarter }) => ({ table: tbl, category, year, quarter }));
      yield caseStatisticsRow(row.case_id, JSON.parse(row.state) as CaseStatistics, counted);
    }
    after = cases[cases.length - 1].case_id;
  }
}
