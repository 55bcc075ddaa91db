import { Schema, type Connection, type Model } from 'mongoose';
import type { AccessLogEntry } from '../port/access-log-entry';
import type { CaseDetail, CaseHistoryEntry, CaseStage } from '../port/case-views';
import type { CaseStatistics } from '../statistics/case-statistics';

/**
 * Bump when a document's shape changes: a database written by older code is then dropped and
 * rebuilt from the log instead of being read with the wrong shape (as the SQLite file does).
 */
export const MONGO_READ_MODEL_SCHEMA_VERSION = 7;

export const COLLECTIONS = {
  cases: 'case_detail',
  caseHistory: 'case_history',
  accessLog: 'access_log',
  statistics: 'case_statistics',
  checkpoints: 'projection_checkpoints',
  meta: 'read_model_meta',
} as const;

/** One per case: the evolved detail plus the fields the list filters and sorts on. */
export interface CaseDocument {
  _id: string;
  /** Position of the last event folded into `detail`: the guard that makes re-applying harmless. */
  lastPosition: number;
  stage: CaseStage;
  countryOfExploitation: string | null;
  citizenship: string | null;
  registeredAtMs: number | null;
  updatedAtMs: number;
  reflectionEndsAtMs: number | null;
  /**
   * 1 where the sort key is missing, else 0: sorted on before the key, so that cases without it come
   * last in either order (null alone would sort first when ascending).
   */
  registeredAtMissing: 0 | 1;
  reflectionEndsAtMissing: 0 | 1;
  /** The stage's place in CASE_STAGES: sort=stage follows the catalogue, not the alphabet. */
  stageRank: number;
  presumedMinor: boolean;
  /** Earliest open deadline: a case is overdue at `now` exactly when this is before `now`. */
  nextDueAtMs: number | null;
  /** The agencies involved in the case (multikey index): an operator's list is their agency's cases. */
  agencies: string[];
  /** The users who acted on the case (multikey index): a user's own caseload ("my cases"). */
  actors: string[];
  detail: CaseDetail;
}

/** One per event of a case; `_id` is the event id. */
export interface HistoryDocument extends Omit<CaseHistoryEntry, 'eventId'> {
  _id: string;
  caseId: string;
}

/** One per read of personal data; `_id` is the event id, `position` the log order. */
export interface AccessLogDocument extends AccessLogEntry {
  _id: string;
  position: number;
}

/** One per case: its non-personal statistics facts; `_id` is the case id (never answered). */
export interface CaseStatisticsDocument extends CaseStatistics {
  _id: string;
  lastPosition: number;
}

export interface CheckpointDocument {
  _id: string;
  position: number;
}

export interface MetaDocument {
  _id: string;
  version: number;
}

// Indexes are created explicitly at start-up (not by mongoose in the background), and empty
// objects in the views must survive (minimize: false).
const options = { versionKey: false, minimize: false, autoIndex: false, autoCreate: false } as const;

const caseSchema = new Schema<CaseDocument>(
  {
    _id: String,
    lastPosition: { type: Number, required: true },
    stage: { type: String, required: true },
    countryOfExploitation: String,
    citizenship: String,
    registeredAtMs: Number,
    updatedAtMs: { type: Number, required: true },
    reflectionEndsAtMs: Number,
    registeredAtMissing: { type: Number, required: true },
    reflectionEndsAtMissing: { type: Number, required: true },
    stageRank: { type: Number, required: true },
    presumedMinor: { type: Boolean, required: true },
    nextDueAtMs: Number,
    agencies: { type: [String], default: undefined },
    actors: { type: [String], default: undefined },
    detail: { type: Schema.Types.Mixed, required: true },
  },
  options,
);
// One per sort key, the default first: newest registration first (missing ones last), then case id.
// Either order walks them; ties on the key are then sorted by case id.
caseSchema.index({ registeredAtMissing: 1, registeredAtMs: -1, _id: 1 });
caseSchema.index({ updatedAtMs: -1, _id: 1 });
caseSchema.index({ reflectionEndsAtMissing: 1, reflectionEndsAtMs: -1, _id: 1 });
caseSchema.index({ stageRank: -1, _id: 1 });
caseSchema.index({ presumedMinor: 1, registeredAtMs: -1 });
caseSchema.index({ stage: 1, registeredAtMs: -1 });
caseSchema.index({ countryOfExploitation: 1, registeredAtMs: -1 });
caseSchema.index({ citizenship: 1, registeredAtMs: -1 });
caseSchema.index({ nextDueAtMs: 1 });
caseSchema.index({ agencies: 1, registeredAtMs: -1 });
caseSchema.index({ actors: 1, registeredAtMs: -1 });

const historySchema = new Schema<HistoryDocument>(
  {
    _id: String,
    caseId: { type: String, required: true },
    position: { type: Number, required: true },
    revision: { type: Number, required: true },
    type: { type: String, required: true },
    occurredAt: { type: String, required: true },
    actor: { type: Schema.Types.Mixed, required: true },
    data: { type: Schema.Types.Mixed, required: true },
  },
  options,
);
// _id (the event id) is unique already; (caseId, position) serves getHistory and refuses a second copy.
historySchema.index({ caseId: 1, position: 1 }, { unique: true });

const accessLogSchema = new Schema<AccessLogDocument>(
  {
    _id: String,
    position: { type: Number, required: true },
    at: { type: String, required: true },
    userId: { type: String, required: true },
    role: { type: String, required: true },
    agency: String,
    caseId: { type: String, required: true },
    purpose: { type: String, required: true },
    channel: { type: String, required: true },
  },
  options,
);
// Log order for "every access", and the two filters auditors ask by, each in log order.
accessLogSchema.index({ position: 1 }, { unique: true });
accessLogSchema.index({ caseId: 1, position: 1 });
accessLogSchema.index({ userId: 1, position: 1 });

const statisticsSchema = new Schema<CaseStatisticsDocument>(
  {
    _id: String,
    lastPosition: { type: Number, required: true },
    services: { type: Schema.Types.Mixed, required: true },
    handovers: { type: Schema.Types.Mixed, required: true },
    facts: { type: Schema.Types.Mixed, required: true },
    secret: Boolean,
    atRisk: { type: Schema.Types.Mixed, required: false },
  },
  options,
);

const checkpointSchema = new Schema<CheckpointDocument>(
  { _id: String, position: { type: Number, required: true } },
  options,
);
const metaSchema = new Schema<MetaDocument>(
  { _id: String, version: { type: Number, required: true } },
  options,
);

export interface ReadModelCollections {
  cases: Model<CaseDocument>;
  caseHistory: Model<HistoryDocument>;
  accessLog: Model<AccessLogDocument>;
  statistics: Model<CaseStatisticsDocument>;
  checkpoints: Model<CheckpointDocument>;
  meta: Model<MetaDocument>;
}

/** Models bound to the store's own connection, never to the global mongoose instance. */
export function bindModels(connection: Connection): ReadModelCollections {
  return {
    cases: connection.model<CaseDocument>('CaseReadModel', caseSchema, COLLECTIONS.cases),
    caseHistory: connection.model<HistoryDocument>(
      'CaseHistoryReadModel',
      historySchema,
      COLLECTIONS.caseHistory,
    ),
    accessLog: connection.model<AccessLogDocument>(
      'AccessLogReadModel',
      accessLogSchema,
      COLLECTIONS.accessLog,
    ),
    statistics: connection.model<CaseStatisticsDocument>(
      'CaseStatisticsReadModel',
      statisticsSchema,
      COLLECTIONS.statistics,
    ),
    checkpoints: connection.model<CheckpointDocument>(
      'ProjectionCheckpoint',
      checkpointSchema,
      COLLECTIONS.checkpoints,
    ),
    meta: connection.model<MetaDocument>('ReadModelMeta', metaSchema, COLLECTIONS.meta),
  };
}
