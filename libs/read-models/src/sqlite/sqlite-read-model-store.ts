import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkAccessLogQuery } from '../access-log/access-log-query';
import { toCaseListItem } from '../case-view/case-list-item';
import { checkListQuery, MAX_PAGE_SIZE } from '../case-view/list-query';
import { PROJECTION_NAMES } from '../case-view/projection-names';
import type { AccessLogEntry, AccessLogQuery } from '../port/access-log-entry';
import type { CaseDetail, CaseHistoryEntry, CaseListPage, CaseListQuery } from '../port/case-views';
import type { Projection, ReadModelStore } from '../port/read-model-store.port';
import { AccessLogApplier } from './access-log-applier';
import { CaseDetailApplier } from './case-detail-applier';
import { CaseHistoryApplier } from './case-history-applier';
import { createSchema, dropSchema, ensureSchema } from './schema';
import { SqliteCheckpoints } from './sqlite-checkpoints';
import { SqliteProjection } from './sqlite-projection';

export const READ_MODEL_FILE = 'read-models.sqlite';
export { MAX_PAGE_SIZE };

export { PROJECTION_NAMES };

export interface SqliteReadModelStoreOptions {
  file: string;
  busyTimeoutMs?: number;
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
  at: string;
  user_id: string;
  role: string;
  agency: string | null;
  case_id: string;
  purpose: string;
  channel: string;
}

/** The embedded read models, in their own SQLite file (WAL), apart from the log. */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly db: Database.Database;
  private readonly projectionList: readonly Projection[];

  static inDataDir(dataDir: string): SqliteReadModelStore {
    return new SqliteReadModelStore({ file: join(dataDir, READ_MODEL_FILE) });
  }

  constructor(options: SqliteReadModelStoreOptions) {
    mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL is enough: a read model can always be rebuilt, and each checkpoint commits with its
    // changes, so losing the last commits on power loss only means re-projecting them.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    ensureSchema(this.db);
    const checkpoints = new SqliteCheckpoints(this.db);
    this.projectionList = [
      new SqliteProjection(PROJECTION_NAMES.cases, this.db, checkpoints, new CaseDetailApplier(this.db)),
      new SqliteProjection(
        PROJECTION_NAMES.caseHistory,
        this.db,
        checkpoints,
        new CaseHistoryApplier(this.db),
      ),
      new SqliteProjection(PROJECTION_NAMES.accessLog, this.db, checkpoints, new AccessLogApplier(this.db)),
    ];
  }

  projections(): readonly Projection[] {
    return this.projectionList;
  }

  async listCases(query: CaseListQuery): Promise<CaseListPage> {
    const { page, pageSize } = query;
    const nowMs = checkListQuery(query);
    const where: string[] = [];
    const params: (string | number)[] = [];
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
    if (query.agency !== undefined) {
      where.push('EXISTS (SELECT 1 FROM case_agencies a WHERE a.agency = ? AND a.case_id = c.case_id)');
      params.push(query.agency);
    }
    if (query.overdue !== undefined) {
      where.push(
        `${query.overdue ? '' : 'NOT '}EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = c.case_id AND d.due_at_ms < ?)`,
      );
      params.push(nowMs);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = this.db
      .prepare<(string | number)[], { total: number }>(
        `SELECT COUNT(*) AS total FROM case_detail c ${filter}`,
      )
      .get(...params)!.total;
    const rows = this.db
      .prepare<(string | number)[], { detail: string }>(
        `SELECT c.detail FROM case_detail c ${filter}
         ORDER BY c.registered_at_ms DESC NULLS LAST, c.case_id LIMIT ? OFFSET ?`,
      )
      .all(...params, pageSize, (page - 1) * pageSize);
    return {
      items: rows.map((row) => toCaseListItem(JSON.parse(row.detail) as CaseDetail, query.now)),
      total,
    };
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
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.caseId !== undefined) {
      where.push('case_id = ?');
      params.push(query.caseId);
    }
    if (query.userId !== undefined) {
      where.push('user_id = ?');
      params.push(query.userId);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // With a limit, the newest matches are taken from the end of the index and put back in log order.
    const order = query.limit === undefined ? 'ORDER BY position' : 'ORDER BY position DESC LIMIT ?';
    if (query.limit !== undefined) params.push(query.limit);
    const rows = this.db
      .prepare<(string | number)[], AccessLogRow>(
        `SELECT at, user_id, role, agency, case_id, purpose, channel FROM access_log ${filter} ${order}`,
      )
      .all(...params);
    if (query.limit !== undefined) rows.reverse();
    return rows.map((row) => ({
      at: row.at,
      userId: row.user_id,
      role: row.role,
      ...(row.agency === null ? {} : { agency: row.agency }),
      caseId: row.case_id,
      purpose: row.purpose,
      channel: row.channel,
    }));
  }

  async reset(): Promise<void> {
    this.db
      .transaction(() => {
        dropSchema(this.db);
        createSchema(this.db);
      })
      .immediate();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
