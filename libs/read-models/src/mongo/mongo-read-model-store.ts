import mongoose, { type Connection, type ConnectOptions, type FilterQuery, type mongo } from 'mongoose';
import { checkAccessLogQuery } from '../access-log/access-log-query';
import { toCaseListItem } from '../case-view/case-list-item';
import { checkCaseloadQuery, checkListQuery, compareDue, listOrder } from '../case-view/list-query';
import { PROJECTION_NAMES } from '../case-view/projection-names';
import type { AccessLogEntry, AccessLogFilterQuery, AccessLogQuery } from '../port/access-log-entry';
import { toMillis, withOverdue } from '../case-view/case-deadlines';
import {
  DEFAULT_DEADLINE_POLICY,
  deadlinePolicyFingerprint,
  type DeadlinePolicy,
} from '../case-view/deadline-policy';
import { summaryOf } from '../case-view/caseload-summary';
import {
  DUE_SOON_LIMIT,
  type CaseDetail,
  type CaseHistoryEntry,
  type CaseListPage,
  type CaseListQuery,
  type CaseListSort,
  type CaseloadQuery,
  type CaseloadSummary,
  type CaseScope,
  type CaseStage,
} from '../port/case-views';
import type { Projection, ReadModelStore } from '../port/read-model-store.port';
import { AccessLogWriter, toAccessLogEntry } from './access-log-writer';
import { CaseDetailWriter } from './case-detail-writer';
import { CaseHistoryWriter, toHistoryEntry } from './case-history-writer';
import { CaseStatisticsWriter, countStatistics } from './case-statistics-writer';
import type { StatisticsCount } from '../statistics/statistics-tables';
import { MongoCheckpoints } from './mongo-checkpoints';
import { MongoProjection } from './mongo-projection';
import { mongoRows } from './mongo-rows';
import type { ReadModelRow } from '../port/read-model-row';
import { ReadModelSchemaMismatchError } from '../port/read-model-schema-mismatch';
import {
  bindModels,
  COLLECTIONS,
  MONGO_READ_MODEL_SCHEMA_VERSION,
  type AccessLogDocument,
  type CaseDocument,
  type ReadModelCollections,
} from './mongo-read-model-schemas';
import { socketTimeout } from './socket-timeout';

export interface MongoReadModelStoreOptions {
  /** Database to use; defaults to the one named in the URL. */
  dbName?: string;
  /** How long an operation waits for a reachable server before failing (default 10 s). */
  serverSelectionTimeoutMS?: number;
  /**
   * How long an operation may wait for its answer before it fails (default 60 s, unless the URL sets
   * socketTimeoutMS): a server that never answers must not hold a projection, or a stop, for ever.
   */
  socketTimeoutMS?: number;
  /** Further driver options (e.g. TLS, credentials, retryReads). */
  driver?: Omit<ConnectOptions, 'dbName' | 'serverSelectionTimeoutMS' | 'socketTimeoutMS'>;
  /**
   * For audits: creates no index and never starts over; data of another shape is refused
   * (ReadModelSchemaMismatchError) rather than dropped. Reads only, as long as nothing else is called.
   */
  readOnly?: boolean;
  /** Days per step for the deadlines (the defaults when absent); a change rebuilds the read models. */
  deadlinePolicy?: DeadlinePolicy;
  /** Told of every command sent to the server (tests and benches count the round trips). */
  onCommandStarted?: (event: mongo.CommandStartedEvent) => void;
}

const NAMESPACE_NOT_FOUND = 26;
const SCHEMA_META_ID = 'schema';

/** The filter of an access-log question (`at` is canonical ISO text: it compares as time). */
function accessLogFilter(query: AccessLogFilterQuery): FilterQuery<AccessLogDocument> {
  const filter: FilterQuery<AccessLogDocument> = {};
  if (query.caseId !== undefined) filter.caseId = query.caseId;
  if (query.userId !== undefined) filter.userId = query.userId;
  if (query.from !== undefined || query.to !== undefined) {
    filter.at = {
      ...(query.from === undefined ? {} : { $gte: query.from }),
      ...(query.to === undefined ? {} : { $lt: query.to }),
    };
  }
  return filter;
}

/** The read models in MongoDB (or FerretDB), on a connection of their own. */
export class MongoReadModelStore implements ReadModelStore {
  private readonly models: ReadModelCollections;
  private readonly projectionList: readonly Projection[];

  /** Connects, creates the indexes, and starts over empty if the data was written by another shape. */
  static async connect(url: string, options: MongoReadModelStoreOptions = {}): Promise<MongoReadModelStore> {
    const connection = mongoose.createConnection(url, {
      ...options.driver,
      dbName: options.dbName,
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
      ...socketTimeout(url, options.socketTimeoutMS),
      // Fail fast while the server is unreachable rather than queueing in memory: the projection
      // runner reports the failure and retries from the checkpoints.
      bufferCommands: false,
      autoIndex: false,
      autoCreate: false,
      ...(options.onCommandStarted ? { monitorCommands: true } : {}),
    });
    if (options.onCommandStarted) connection.getClient().on('commandStarted', options.onCommandStarted);
    try {
      await connection.asPromise();
      const store = new MongoReadModelStore(connection, options.deadlinePolicy ?? DEFAULT_DEADLINE_POLICY);
      if (options.readOnly) await store.checkSchema();
      else await store.ensureSchema();
      return store;
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw error;
    }
  }

  private readonly deadlines: string;

  private constructor(
    private readonly connection: Connection,
    policy: DeadlinePolicy,
  ) {
    this.deadlines = deadlinePolicyFingerprint(policy);
    this.models = bindModels(connection);
    const checkpoints = new MongoCheckpoints(this.models.checkpoints);
    this.projectionList = [
      new MongoProjection(
        PROJECTION_NAMES.cases,
        checkpoints,
        new CaseDetailWriter(this.models.cases, policy),
      ),
      new MongoProjection(
        PROJECTION_NAMES.caseHistory,
        checkpoints,
        new CaseHistoryWriter(this.models.caseHistory),
      ),
      new MongoProjection(
        PROJECTION_NAMES.accessLog,
        checkpoints,
        new AccessLogWriter(this.models.accessLog),
      ),
      new MongoProjection(
        PROJECTION_NAMES.statistics,
        checkpoints,
        new CaseStatisticsWriter(this.models.statistics),
      ),
    ];
  }

  projections(): readonly Projection[] {
    return this.projectionList;
  }

  rows(): AsyncIterable<ReadModelRow> {
    return mongoRows(this.models);
  }

  async listCases(query: CaseListQuery): Promise<CaseListPage> {
    const nowMs = checkListQuery(query);
    const { sort, order } = listOrder(query);
    const filter = scopeFilter(query);
    if (query.stage !== undefined) filter.stage = query.stage;
    if (query.country !== undefined) filter.countryOfExploitation = query.country;
    if (query.citizenship !== undefined) filter.citizenship = query.citizenship;
    if (query.presumedMinor !== undefined) filter.presumedMinor = query.presumedMinor;
    if (query.district !== undefined) filter['detail.district'] = query.district;
    // Rows built before people at risk existed carry no kind: presumed victims' cases.
    if (query.kind === 'person_at_risk') filter['detail.kind'] = 'person_at_risk';
    if (query.kind === 'presumed_victim') filter['detail.kind'] = { $ne: 'person_at_risk' };
    if (query.overdue === true) filter.nextDueAtMs = { $lt: nowMs };
    // null (no open deadline) never compares as less than a number, so it needs its own branch.
    if (query.overdue === false) filter.$or = [{ nextDueAtMs: null }, { nextDueAtMs: { $gte: nowMs } }];
    const direction = order === 'asc' ? 1 : -1;
    // Same order as SQLite: the key (cases without it last, whichever the direction), then case id.
    const { key, missing } = SORT_FIELDS[sort];
    const [total, docs] = await Promise.all([
      this.models.cases.countDocuments(filter),
      this.models.cases
        .find(filter, { detail: 1 })
        .sort({ ...(missing ? { [missing]: 1 } : {}), [key]: direction, _id: 1 })
        .skip((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .lean(),
    ]);
    return { items: docs.map((doc) => toCaseListItem(doc.detail, query.now)), total };
  }

  async caseloadSummary(query: CaseloadQuery): Promise<CaseloadSummary> {
    const { nowMs, dueBeforeMs } = checkCaseloadQuery(query);
    const filter = scopeFilter(query);
    const [stages, overdue, presumedMinors, peopleAtRisk, soonest] = await Promise.all([
      this.models.cases.aggregate<{ _id: CaseStage; count: number }>([
        { $match: filter },
        { $group: { _id: '$stage', count: { $sum: 1 } } },
      ]),
      this.models.cases.countDocuments({ ...filter, nextDueAtMs: { $lt: nowMs } }),
      this.models.cases.countDocuments({ ...filter, presumedMinor: true }),
      this.models.cases.countDocuments({ ...filter, 'detail.kind': 'person_at_risk' }),
      // The DUE_SOON_LIMIT soonest deadlines belong to the DUE_SOON_LIMIT cases whose earliest
      // deadline is soonest (same tie-break, by case id): only those cases are read.
      this.models.cases
        .find({ ...filter, nextDueAtMs: { $lte: dueBeforeMs } }, { detail: 1 })
        .sort({ nextDueAtMs: 1, _id: 1 })
        .limit(DUE_SOON_LIMIT)
        .lean(),
    ]);
    const dueSoon = soonest
      .flatMap((doc) =>
        withOverdue(doc.detail.deadlines, query.now).map((deadline) => ({ caseId: doc._id, ...deadline })),
      )
      .filter((deadline) => toMillis(deadline.dueAt) <= dueBeforeMs)
      .sort(compareDue)
      .slice(0, DUE_SOON_LIMIT);
    return summaryOf(
      stages.map((row) => ({ stage: row._id, count: row.count })),
      { overdue, presumedMinors, peopleAtRisk },
      dueSoon,
    );
  }

  async getCase(caseId: string): Promise<CaseDetail | undefined> {
    const doc = await this.models.cases.findById(caseId, { detail: 1 }).lean();
    return doc?.detail;
  }

  async getHistory(caseId: string): Promise<CaseHistoryEntry[]> {
    const docs = await this.models.caseHistory.find({ caseId }).sort({ position: 1 }).lean();
    return docs.map(toHistoryEntry);
  }

  async accessLog(query: AccessLogQuery): Promise<AccessLogEntry[]> {
    checkAccessLogQuery(query);
    // With a limit, the newest matches are taken from the end of the index and put back in log order.
    const find = this.models.accessLog.find(accessLogFilter(query));
    if (query.limit !== undefined) {
      return (await find.sort({ position: -1 }).limit(query.limit).lean()).reverse().map(toAccessLogEntry);
    }
    if (query.page !== undefined) find.skip(query.page.offset).limit(query.page.size);
    return (await find.sort({ position: 1 }).lean()).map(toAccessLogEntry);
  }

  async countAccessLog(query: AccessLogFilterQuery): Promise<number> {
    checkAccessLogQuery(query);
    return this.models.accessLog.countDocuments(accessLogFilter(query));
  }

  async statisticsCounts(): Promise<StatisticsCount[]> {
    return countStatistics(this.models.statistics);
  }

  async reset(): Promise<void> {
    for (const name of Object.values(COLLECTIONS)) {
      try {
        await this.connection.dropCollection(name);
      } catch (error) {
        if ((error as { code?: number }).code !== NAMESPACE_NOT_FOUND) throw error;
      }
    }
    await this.createIndexes();
    await this.models.meta.updateOne(
      { _id: SCHEMA_META_ID },
      { $set: { version: MONGO_READ_MODEL_SCHEMA_VERSION, deadlines: this.deadlines } },
      { upsert: true },
    );
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  private async checkSchema(): Promise<void> {
    const meta = await this.models.meta.findById(SCHEMA_META_ID).lean();
    const found = meta?.version ?? 0;
    if (found !== MONGO_READ_MODEL_SCHEMA_VERSION)
      throw new ReadModelSchemaMismatchError(found, MONGO_READ_MODEL_SCHEMA_VERSION);
  }

  private async ensureSchema(): Promise<void> {
    const meta = await this.models.meta.findById(SCHEMA_META_ID).lean();
    // Cases whose deadlines were computed under another policy start over like another shape.
    if (meta?.version === MONGO_READ_MODEL_SCHEMA_VERSION && meta.deadlines === this.deadlines)
      await this.createIndexes();
    else await this.reset();
  }

  private async createIndexes(): Promise<void> {
    for (const model of Object.values(this.models)) await model.createIndexes();
  }
}

/** The list's sort keys, each with its index (mongo-read-model-schemas.ts). */
const SORT_FIELDS: Record<CaseListSort, { key: keyof CaseDocument; missing?: keyof CaseDocument }> = {
  registeredAt: { key: 'registeredAtMs', missing: 'registeredAtMissing' },
  updatedAt: { key: 'updatedAtMs' },
  reflectionPeriodEndsAt: { key: 'reflectionEndsAtMs', missing: 'reflectionEndsAtMissing' },
  stage: { key: 'stageRank' },
};

/**
 * The filter that keeps the cases in scope: each agency named must be involved in the case, and the
 * user named must have acted on it.
 */
function scopeFilter(scope: CaseScope): FilterQuery<CaseDocument> {
  const agencies = [scope.agency, scope.involving].filter((a): a is string => a !== undefined);
  // Matches a document whose array holds the value (all of them, for two agencies).
  const actedOn = scope.actedOnBy === undefined ? {} : { actors: scope.actedOnBy };
  if (agencies.length === 0) return actedOn;
  return agencies.length === 1
    ? { agencies: agencies[0], ...actedOn }
    : { agencies: { $all: agencies }, ...actedOn };
}
