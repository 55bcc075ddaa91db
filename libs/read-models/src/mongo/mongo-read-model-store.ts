import mongoose, { type Connection, type ConnectOptions, type FilterQuery } from 'mongoose';
import { checkAccessLogQuery } from '../access-log/access-log-query';
import { toCaseListItem } from '../case-view/case-list-item';
import { checkListQuery } from '../case-view/list-query';
import { PROJECTION_NAMES } from '../case-view/projection-names';
import type { AccessLogEntry, AccessLogQuery } from '../port/access-log-entry';
import type { CaseDetail, CaseHistoryEntry, CaseListPage, CaseListQuery } from '../port/case-views';
import type { Projection, ReadModelStore } from '../port/read-model-store.port';
import { AccessLogWriter, toAccessLogEntry } from './access-log-writer';
import { CaseDetailWriter } from './case-detail-writer';
import { CaseHistoryWriter, toHistoryEntry } from './case-history-writer';
import { MongoCheckpoints } from './mongo-checkpoints';
import { MongoProjection } from './mongo-projection';
import {
  bindModels,
  COLLECTIONS,
  MONGO_READ_MODEL_SCHEMA_VERSION,
  type AccessLogDocument,
  type CaseDocument,
  type ReadModelCollections,
} from './mongo-read-model-schemas';

export interface MongoReadModelStoreOptions {
  /** Database to use; defaults to the one named in the URL. */
  dbName?: string;
  /** How long an operation waits for a reachable server before failing (default 10 s). */
  serverSelectionTimeoutMS?: number;
  /** Further driver options (e.g. TLS, credentials, retryReads). */
  driver?: Omit<ConnectOptions, 'dbName' | 'serverSelectionTimeoutMS'>;
}

const NAMESPACE_NOT_FOUND = 26;
const SCHEMA_META_ID = 'schema';

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
      // Fail fast while the server is unreachable rather than queueing in memory: the projection
      // runner reports the failure and retries from the checkpoints.
      bufferCommands: false,
      autoIndex: false,
      autoCreate: false,
    });
    try {
      await connection.asPromise();
      const store = new MongoReadModelStore(connection);
      await store.ensureSchema();
      return store;
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw error;
    }
  }

  private constructor(private readonly connection: Connection) {
    this.models = bindModels(connection);
    const checkpoints = new MongoCheckpoints(this.models.checkpoints);
    this.projectionList = [
      new MongoProjection(PROJECTION_NAMES.cases, checkpoints, new CaseDetailWriter(this.models.cases)),
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
    ];
  }

  projections(): readonly Projection[] {
    return this.projectionList;
  }

  async listCases(query: CaseListQuery): Promise<CaseListPage> {
    const nowMs = checkListQuery(query);
    const filter: FilterQuery<CaseDocument> = {};
    if (query.stage !== undefined) filter.stage = query.stage;
    if (query.country !== undefined) filter.countryOfExploitation = query.country;
    if (query.citizenship !== undefined) filter.citizenship = query.citizenship;
    // Matches a document whose `agencies` array holds the agency.
    if (query.agency !== undefined) filter.agencies = query.agency;
    if (query.overdue === true) filter.nextDueAtMs = { $lt: nowMs };
    // null (no open deadline) never compares as less than a number, so it needs its own branch.
    if (query.overdue === false) filter.$or = [{ nextDueAtMs: null }, { nextDueAtMs: { $gte: nowMs } }];
    const [total, docs] = await Promise.all([
      this.models.cases.countDocuments(filter),
      this.models.cases
        .find(filter, { detail: 1 })
        // Same order as SQLite: newest registration first, none last (null sorts lowest), then case id.
        .sort({ registeredAtMs: -1, _id: 1 })
        .skip((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .lean(),
    ]);
    return { items: docs.map((doc) => toCaseListItem(doc.detail, query.now)), total };
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
    const filter: FilterQuery<AccessLogDocument> = {};
    if (query.caseId !== undefined) filter.caseId = query.caseId;
    if (query.userId !== undefined) filter.userId = query.userId;
    // With a limit, the newest matches are taken from the end of the index and put back in log order.
    const find = this.models.accessLog.find(filter);
    const docs =
      query.limit === undefined
        ? await find.sort({ position: 1 }).lean()
        : (await find.sort({ position: -1 }).limit(query.limit).lean()).reverse();
    return docs.map(toAccessLogEntry);
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
      { $set: { version: MONGO_READ_MODEL_SCHEMA_VERSION } },
      { upsert: true },
    );
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  private async ensureSchema(): Promise<void> {
    const meta = await this.models.meta.findById(SCHEMA_META_ID).lean();
    if (meta?.version === MONGO_READ_MODEL_SCHEMA_VERSION) await this.createIndexes();
    else await this.reset();
  }

  private async createIndexes(): Promise<void> {
    for (const model of Object.values(this.models)) await model.createIndexes();
  }
}
