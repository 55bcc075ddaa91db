import type Database from 'better-sqlite3';

/**
 * Bump when a read model's shape changes: a database built by older code is then dropped
 * and rebuilt from the log instead of being read with the wrong shape.
 */
export const READ_MODEL_SCHEMA_VERSION = 8;

const TABLES = [
  'case_detail',
  'case_deadlines',
  'case_agencies',
  'case_actors',
  'case_history',
  'access_log',
  'case_statistics',
  'statistics_facts',
  'projection_checkpoints',
  'read_model_settings',
] as const;

const CREATE = `
CREATE TABLE IF NOT EXISTS projection_checkpoints (
  projection TEXT PRIMARY KEY,
  position   INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS case_detail (
  case_id                 TEXT PRIMARY KEY,
  stage                   TEXT NOT NULL,
  country_of_exploitation TEXT,
  citizenship             TEXT,
  registered_at_ms        INTEGER,
  updated_at_ms           INTEGER NOT NULL,
  reflection_ends_at_ms   INTEGER,
  -- the stage's place in CASE_STAGES: sort=stage follows the catalogue, not the alphabet
  stage_rank              INTEGER NOT NULL,
  presumed_minor          INTEGER NOT NULL,
  detail                  TEXT NOT NULL,
  -- position of the last event folded into detail: re-applying an event never folds it twice
  last_position           INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS case_detail_by_registration ON case_detail (registered_at_ms DESC, case_id);
CREATE INDEX IF NOT EXISTS case_detail_by_stage ON case_detail (stage, registered_at_ms DESC);
CREATE INDEX IF NOT EXISTS case_detail_by_country ON case_detail (country_of_exploitation, registered_at_ms DESC);
CREATE INDEX IF NOT EXISTS case_detail_by_minor ON case_detail (presumed_minor, registered_at_ms DESC);
-- one index per sort key (either order walks it; ties on the key are then sorted by case id)
CREATE INDEX IF NOT EXISTS case_detail_by_update ON case_detail (updated_at_ms DESC, case_id);
CREATE INDEX IF NOT EXISTS case_detail_by_reflection_end ON case_detail (reflection_ends_at_ms DESC, case_id);
CREATE INDEX IF NOT EXISTS case_detail_by_stage_rank ON case_detail (stage_rank DESC, case_id);
CREATE TABLE IF NOT EXISTS case_deadlines (
  case_id   TEXT    NOT NULL,
  kind      TEXT    NOT NULL,
  ref       TEXT    NOT NULL,
  due_at_ms INTEGER NOT NULL,
  -- as the case detail states it, for the caseload summary's dueSoon
  due_at    TEXT    NOT NULL,
  PRIMARY KEY (case_id, kind, ref)
);
CREATE INDEX IF NOT EXISTS case_deadlines_by_due ON case_deadlines (due_at_ms, case_id, kind, ref);
-- the agencies involved in each case: an operator's list is the cases of their agency
CREATE TABLE IF NOT EXISTS case_agencies (
  case_id TEXT NOT NULL,
  agency  TEXT NOT NULL,
  PRIMARY KEY (agency, case_id)
);
CREATE INDEX IF NOT EXISTS case_agencies_by_case ON case_agencies (case_id);
-- the users who acted on each case (event actors): a user's own caseload ("my cases")
CREATE TABLE IF NOT EXISTS case_actors (
  case_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  PRIMARY KEY (user_id, case_id)
);
CREATE INDEX IF NOT EXISTS case_actors_by_case ON case_actors (case_id);
CREATE TABLE IF NOT EXISTS case_history (
  position    INTEGER PRIMARY KEY,
  case_id     TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  event_id    TEXT    NOT NULL,
  type        TEXT    NOT NULL,
  occurred_at TEXT    NOT NULL,
  actor       TEXT    NOT NULL,
  data        TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS case_history_by_case ON case_history (case_id, position);
-- every read of personal data (ids and codes only): auditors ask by case, by user, or both
CREATE TABLE IF NOT EXISTS access_log (
  position INTEGER PRIMARY KEY,
  event_id TEXT    NOT NULL UNIQUE,
  case_id  TEXT    NOT NULL,
  user_id  TEXT    NOT NULL,
  role     TEXT    NOT NULL,
  agency   TEXT,
  purpose  TEXT    NOT NULL,
  channel  TEXT    NOT NULL,
  at       TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS access_log_by_case ON access_log (case_id, position);
CREATE INDEX IF NOT EXISTS access_log_by_user ON access_log (user_id, position);
-- statistics: per case its non-personal facts (codes and quarters), one row per fact to count
CREATE TABLE IF NOT EXISTS case_statistics (
  case_id       TEXT PRIMARY KEY,
  state         TEXT    NOT NULL,
  last_position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS statistics_facts (
  case_id  TEXT    NOT NULL,
  tbl      TEXT    NOT NULL,
  category TEXT    NOT NULL,
  year     INTEGER NOT NULL,
  quarter  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS statistics_facts_by_case ON statistics_facts (case_id);
CREATE TABLE IF NOT EXISTS read_model_settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

export function createSchema(db: Database.Database): void {
  db.exec(CREATE);
  db.pragma(`user_version = ${READ_MODEL_SCHEMA_VERSION}`);
}

/**
 * Indexes the projections never read while they write (they look rows up by primary key or by the
 * indexes kept): a rebuild drops them and builds each once at the end, sorted, instead of updating them
 * row by row. Opening the store creates any that a crash left missing.
 */
const INDEXES_BUILT_AFTER_BULK_LOAD = [
  'case_detail_by_registration',
  'case_detail_by_stage',
  'case_detail_by_country',
  'case_detail_by_minor',
  'case_detail_by_update',
  'case_detail_by_reflection_end',
  'case_detail_by_stage_rank',
  'case_deadlines_by_due',
  'case_history_by_case',
  'access_log_by_case',
  'access_log_by_user',
];

export function dropIndexesForBulkLoad(db: Database.Database): void {
  for (const index of INDEXES_BUILT_AFTER_BULK_LOAD) db.exec(`DROP INDEX IF EXISTS ${index}`);
}

export function dropSchema(db: Database.Database): void {
  for (const table of TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`);
}

/**
 * Settings the read models were computed with (the deadline policy): rows computed under other
 * settings would answer wrongly, so a change rebuilds them like a new schema version.
 */
export type ReadModelSettings = Readonly<Record<string, string>>;

/**
 * Opens the schema, rebuilding it (empty, checkpoints at 0) when it was made by another version or
 * under other settings.
 */
export function ensureSchema(db: Database.Database, settings: ReadModelSettings = {}): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== READ_MODEL_SCHEMA_VERSION || !sameSettings(db, settings)) dropSchema(db);
    createSchema(db);
    const write = db.prepare<[string, string]>(
      'INSERT INTO read_model_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    );
    for (const [name, value] of Object.entries(settings)) write.run(name, value);
  })();
}

function sameSettings(db: Database.Database, settings: ReadModelSettings): boolean {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'read_model_settings'")
    .get();
  if (!exists) return Object.keys(settings).length === 0;
  const stored = db
    .prepare<[], { name: string; value: string }>('SELECT name, value FROM read_model_settings')
    .all();
  return Object.entries(settings).every(([name, value]) =>
    stored.some((row) => row.name === name && row.value === value),
  );
}
