import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkAccessLogQuery } from '../access-log/access-log-query';
import { toCaseListItem } from '../case-view/case-list-item';
import { checkCaseloadQuery, checkListQuery, listOrder, MAX_PAGE_SIZE } from '../case-view/list-query';
import { summaryOf } from '../case-view/caseload-summary';
import { PROJECTION_NAMES } from '../case-view/projection-names';
import type { AccessLogEntry, AccessLogFilterQuery, AccessLogQuery } from '../port/access-log-entry';
import type {
  CaseDetail,
  CaseHistoryEntry,
  CaseListPage,
  CaseListQuery,
  CaseListSort,
  CaseloadQuery,
  CaseloadSummary,
  CaseScope,
  CaseStage,
  DeadlineKind,
} from '../port/case-views';
import { DUE_SOON_LIMIT } from '../port/case-views';
import type { Projection, ReadModelStore } from '../port/read-model-store.port';
import { AccessLogApplier } from './access-log-applier';
import { CaseDetailApplier } from './case-detail-applier';
import {
  DEFAULT_DEADLINE_POLICY,
  deadlinePolicyFingerprint,
  type DeadlinePolicy,
} from '../case-view/deadline-policy';
import { CaseHistoryApplier } from './case-history-applier';
import { CaseStatisticsApplier } from './case-statistics-applier';
import type { StatisticsCount, CountedTableName } from '../statistics/statistics-tables';
import type { ReadModelRow } from '../port/read-model-row';
import { ReadModelSchemaMismatchError } from '../port/read-model-schema-mismatch';
import {
  createSchema,
  dropIndexesForBulkLoad,
  dropSchema,
  ensureSchema,
  READ_MODEL_SCHEMA_VERSION,
  type ReadModelSettings,
} from './schema';
import { sqliteRows } from './sqlite-rows';
import { SqliteCheckpoints } from './sqlite-checkpoints';
import { SqliteProjection } from './sqlite-projection';

export const READ_MODEL_FILE = 'read-models.sqlite';
export { MAX_PAGE_SIZE };

export { PROJECTION_NAMES };

export interface SqliteReadModelStoreOptions {
  file: string;
  busyTimeoutMs?: number;
  /**
   * Opens an existing file for reading only (audits): nothing is created, migrated or written, and a
   * file of another schema version is refused (ReadModelSchemaMismatchError) rather than dropped.
   */
  readOnly?: boolean;
  /** Days per step for the deadlines (the defaults when absent); a change rebuilds the read models. */
  deadlinePolicy?: DeadlinePolicy;
}

interface HistoryRow {
  position: number;
  revision: number;
  event_id: string;
  type: string;
  occurred_at: string;
  actor: string;
  data: string;
}

interface AccessLogRow {
  position: number;
  at: string;
  user_id: string;
  role: string;
  agency: string | null;
  case_id: string;
  purpose: string;
  channel: string;
}

/** The WHERE clause of an access-log question (`at` is canonical ISO text: it compares as time). */
function accessLogWhere(query: AccessLogFilterQuery): { filter: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const conditions: [string, string | undefined][] = [
    ['case_id = ?', query.caseId],
    ['user_id = ?', query.userId],
    ['at >= ?', query.from],
    ['at < ?', query.to],
  ];
  for (const [condition, value] of conditions) {
    if (value === undefined) continue;
    where.push(condition);
    params.push(value);
  }
  return { filter: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** The embedded read models, in their own SQLite file (WAL), apart from the log. */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly db: Database.Database;
  private readonly projectionList: readonly Projection[];

  static inDataDir(dataDir: string, deadlinePolicy?: DeadlinePolicy): SqliteReadModelStore {
    return new SqliteReadModelStore({ file: join(dataDir, READ_MODEL_FILE), deadlinePolicy });
  }

  /** What the rows are computed with besides the events: a change rebuilds them. */
  private readonly settings: ReadModelSettings;

  constructor(options: SqliteReadModelStoreOptions) {
    const policy = options.deadlinePolicy ?? DEFAULT_DEADLINE_POLICY;
    this.settings = { deadlines: deadlinePolicyFingerprint(policy) };
    if (options.readOnly) {
      this.db = new Database(options.file, { readonly: true, fileMustExist: true });
      this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
      const version = this.db.pragma('user_version', { simple: true }) as number;
      if (version !== READ_MODEL_SCHEMA_VERSION) {
        this.db.close();
        throw new ReadModelSchemaMismatchError(version, READ_MODEL_SCHEMA_VERSION);
      }
    } else {
      mkdirSync(dirname(options.file), { recursive: true });
      this.db = new Database(options.file);
      this.db.pragma('journal_mode = WAL');
      // NORMAL is enough: a read model can always be rebuilt, and each checkpoint commits with its
      // changes, so losing the last commits on power loss only means re-projecting them.
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
      ensureSchema(this.db, this.settings);
    }
    const checkpoints = new SqliteCheckpoints(this.db);
    this.projectionList = [
      new SqliteProjection(
        PROJECTION_NAMES.cases,
        this.db,
        checkpoints,
        new CaseDetailApplier(this.db, policy),
      ),
      new SqliteProjection(
        PROJECTION_NAMES.caseHistory,
        this.db,
        checkpoints,
        new CaseHistoryApplier(this.db),
      ),
      new SqliteProjection(PROJECTION_NAMES.accessLog, this.db, checkpoints, new AccessLogApplier(this.db)),
      new SqliteProjection(
        PROJECTION_NAMES.statistics,
        this.db,
        checkpoints,
        new CaseStatisticsApplier(this.db),
      ),
    ];
  }

  projections(): readonly Projection[] {
    return this.projectionList;
  }

  rows(): AsyncIterable<ReadModelRow> {
    return sqliteRows(this.db);
  }

  async listCases(query: CaseListQuery): Promise<CaseListPage> {
    const { page, pageSize } = query;
    const nowMs = checkListQuery(query);
    const { where, params } = scopeFilter(query);
    if (query.stage !== undefined) {
      where.push('c.stage = ?');
      params.push(query.stage);
    }
    if (query.country !== undefined) {
      where.push('c.country_of_exploitation = ?');
      params.push(query.country);
    }
    if (query.citizenship !== undefined) {
      where.push('c.citizenship = ?');
      params.push(query.citizenship);
    }
    if (query.district !== undefined) {
      where.push("json_extract(c.detail, '$.district') = ?");
      params.push(query.district);
    }
    if (query.presumedMinor !== undefined) {
      where.push('c.presumed_minor = ?');
      params.push(query.presumedMinor ? 1 : 0);
    }
    if (query.kind !== undefined) {
      where.push(`${CASE_KIND} = ?`);
      params.push(query.kind);
    }
    if (query.overdue !== undefined) {
      where.push(`${query.overdue ? '' : 'NOT '}${OVERDUE}`);
      params.push(nowMs);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = this.db
      .prepare<(string | number)[], { total: number }>(
        `SELECT COUNT(*) AS total FROM case_detail c ${filter}`,
      )
      .get(...params)!.total;
    const { sort, order } = listOrder(query);
    // The page's ids first (walking the sort key's index), then only their details: a sort never
    // carries every matching case's detail along.
    const ids = this.db
      .prepare<(string | number)[], { caseId: string }>(
        `SELECT c.case_id AS caseId FROM case_detail c ${filter}
         ORDER BY c.${SORT_COLUMNS[sort]} ${order.toUpperCase()} NULLS LAST, c.case_id LIMIT ? OFFSET ?`,
      )
      .all(...params, pageSize, (page - 1) * pageSize)
      .map((row) => row.caseId);
    if (ids.length === 0) return { items: [], total };
    const details = new Map(
      this.db
        .prepare<string[], { caseId: string; detail: string }>(
          `SELECT case_id AS caseId, detail FROM case_detail WHERE case_id IN (${ids.map(() => '?').join(', ')})`,
        )
        .all(...ids)
        .map((row) => [row.caseId, row.detail]),
    );
    return {
      items: ids.map((id) => toCaseListItem(JSON.parse(details.get(id)!) as CaseDetail, query.now)),
      total,
    };
  }

  async caseloadSummary(query: CaseloadQuery): Promise<CaseloadSummary> {
    const { nowMs, dueBeforeMs } = checkCaseloadQuery(query);
    const { where, params } = scopeFilter(query);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const and = where.length ? `${filter} AND` : 'WHERE';
    const stages = this.db
      .prepare<(string | number)[], { stage: CaseStage; count: number; minors: number; atRisk: number }>(
        `SELECT c.stage AS stage, COUNT(*) AS count, SUM(c.presumed_minor) AS minors,
           SUM(${CASE_KIND} = 'person_at_risk') AS atRisk
         FROM case_detail c ${filter} GROUP BY c.stage`,
      )
      .all(...params);
    const overdue = this.db
      .prepare<(string | number)[], { count: number }>(
        `SELECT COUNT(*) AS count FROM case_detail c ${and} ${OVERDUE}`,
      )
      .get(...params, nowMs)!.count;
    // Walks the deadlines by due date (index), keeping those of cases in scope.
    const due = this.db
      .prepare<
        (string | number)[],
        { caseId: string; kind: DeadlineKind; ref: string; dueAt: string; dueAtMs: number }
      >(
        `SELECT d.case_id AS caseId, d.kind AS kind, d.ref AS ref, d.due_at AS dueAt, d.due_at_ms AS dueAtMs
         FROM case_deadlines d JOIN case_detail c ON c.case_id = d.case_id
         ${and} d.due_at_ms <= ?
         ORDER BY d.due_at_ms, d.case_id, d.kind, d.ref LIMIT ?`,
      )
      .all(...params, dueBeforeMs, DUE_SOON_LIMIT);
    return summaryOf(
      stages,
      {
        overdue,
        presumedMinors: stages.reduce((sum, row) => sum + row.minors, 0),
        peopleAtRisk: stages.reduce((sum, row) => sum + row.atRisk, 0),
      },
      due.map((row) => ({
        caseId: row.caseId,
        kind: row.kind,
        ...(row.ref === '' ? {} : { ref: row.ref }),
        dueAt: row.dueAt,
        overdue: row.dueAtMs < nowMs,
      })),
    );
  }

  async getCase(caseId: string): Promise<CaseDetail | undefined> {
    const row = this.db
      .prepare<[string], { detail: string }>('SELECT detail FROM case_detail WHERE case_id = ?')
      .get(caseId);
    return row ? (JSON.parse(row.detail) as CaseDetail) : undefined;
  }

  async getHistory(caseId: string): Promise<CaseHistoryEntry[]> {
    return this.db
      .prepare<[string], HistoryRow>(
        `SELECT position, revision, event_id, type, occurred_at, actor, data
         FROM case_history WHERE case_id = ? ORDER BY position`,
      )
      .all(caseId)
      .map((row) => ({
        position: row.position,
        revision: row.revision,
        eventId: row.event_id,
        type: row.type,
        occurredAt: row.occurred_at,
        actor: JSON.parse(row.actor) as CaseHistoryEntry['actor'],
        data: JSON.parse(row.data) as Record<string, unknown>,
      }));
  }

  async accessLog(query: AccessLogQuery): Promise<AccessLogEntry[]> {
    checkAccessLogQuery(query);
    const { filter, params } = accessLogWhere(query);
    // With a limit, the newest matches are taken from the end of the index and put back in log order.
    let order = 'ORDER BY position';
    if (query.limit !== undefined) {
      order = 'ORDER BY position DESC LIMIT ?';
      params.push(query.limit);
    } else if (query.page !== undefined) {
      order = 'ORDER BY position LIMIT ? OFFSET ?';
      params.push(query.page.size, query.page.offset);
    }
    const rows = this.db
      .prepare<(string | number)[], AccessLogRow>(
        `SELECT position, at, user_id, role, agency, case_id, purpose, channel FROM access_log ${filter} ${order}`,
      )
      .all(...params);
    if (query.limit !== undefined) rows.reverse();
    return rows.map((row) => ({
      position: row.position,
      at: row.at,
      userId: row.user_id,
      role: row.role,
      ...(row.agency === null ? {} : { agency: row.agency }),
      caseId: row.case_id,
      purpose: row.purpose,
      channel: row.channel,
    }));
  }

  async countAccessLog(query: AccessLogFilterQuery): Promise<number> {
    checkAccessLogQuery(query);
    const { filter, params } = accessLogWhere(query);
    return this.db
      .prepare<(string | number)[], { n: number }>(`SELECT COUNT(*) AS n FROM access_log ${filter}`)
      .get(...params)!.n;
  }

  async statisticsCounts(): Promise<StatisticsCount[]> {
    return this.db
      .prepare<
        [],
        { table: CountedTableName; category: string; year: number; quarter: number; count: number }
      >(
        `SELECT tbl AS "table", category, year, quarter, COUNT(*) AS count FROM statistics_facts
         GROUP BY tbl, category, year, quarter ORDER BY tbl, category, year, quarter`,
      )
      .all();
  }

  async reset(): Promise<void> {
    this.db
      .transaction(() => {
        dropSchema(this.db);
        ensureSchema(this.db, this.settings);
      })
      .immediate();
  }

  /**
   * SQLite copies its write-ahead log into the file (and syncs it) every 1000 pages by default, and
   * updates every index with every row: during a rebuild that is most of the time spent. Copying every
   * 64 MiB instead keeps the log bounded; the indexes the projections do not read are built at the end.
   */
  beginBulkLoad(): () => Promise<void> {
    const usual = this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    this.db.pragma(`wal_autocheckpoint = ${BULK_WAL_PAGES}`);
    dropIndexesForBulkLoad(this.db);
    return async () => {
      createSchema(this.db);
      this.db.pragma(`wal_autocheckpoint = ${usual}`);
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** 64 MiB of 4 KiB pages. */
const BULK_WAL_PAGES = 16_384;

/** The list's sort keys; each has an index (schema.ts). */
const SORT_COLUMNS: Record<CaseListSort, string> = {
  registeredAt: 'registered_at_ms',
  updatedAt: 'updated_at_ms',
  reflectionPeriodEndsAt: 'reflection_ends_at_ms',
  stage: 'stage_rank',
};

/** A case with a deadline before the parameter (`now` in epoch milliseconds). */
const OVERDUE = 'EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = c.case_id AND d.due_at_ms < ?)';
const INVOLVES = 'EXISTS (SELECT 1 FROM case_agencies a WHERE a.agency = ? AND a.case_id = c.case_id)';
const ACTED_ON_BY = 'EXISTS (SELECT 1 FROM case_actors u WHERE u.user_id = ? AND u.case_id = c.case_id)';
/** The case's kind, from the detail (rows built before people at risk existed carry none: presumed victims'). */
const CASE_KIND = "COALESCE(json_extract(c.detail, '$.kind'), 'presumed_victim')";

/** The conditions on `case_detail c` that keep the cases in scope. */
function scopeFilter(scope: CaseScope): { where: string[]; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  for (const agency of [scope.agency, scope.involving]) {
    if (agency === undefined) continue;
    where.push(INVOLVES);
    params.push(agency);
  }
  if (scope.actedOnBy !== undefined) {
    where.push(ACTED_ON_BY);
    params.push(scope.actedOnBy);
  }
  return { where, params };
}
