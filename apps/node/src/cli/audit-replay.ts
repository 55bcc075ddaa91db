import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EventStoreDbEventStore, SqliteEventStore, type EventStore } from '@nrm/event-store';
import { EVENT_STORE_FILE, mongoDbName } from '@nrm/application/infrastructure/node-adapters';
import type { NodeConfig } from '@nrm/config/node-config';
import {
  auditReplay,
  MongoReadModelStore,
  parseAuditUntil,
  ProgressBar,
  READ_MODEL_FILE,
  ReadModelSchemaMismatchError,
  replayAuditText,
  SqliteReadModelStore,
  type AuditUntil,
  type ReadModelStore,
  type ReplayAuditReport,
} from '@nrm/read-models';
import { command } from './cli-command';

export const AUDIT_REPLAY_USAGE =
  'usage: npm run cli -- audit replay [--until <log position | ISO instant, e.g. 2026-01-31T12:00:00Z>] [--json]';

export interface AuditReplayArgs {
  until?: AuditUntil;
  json: boolean;
}

/** `[--until <position|instant>] [--json]`, `--until` also as `--until=value`. */
export function parseAuditReplayArgs(args: string[]): AuditReplayArgs | { error: string } {
  let until: AuditUntil | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') {
      json = true;
      continue;
    }
    if (arg !== '--until' && !arg.startsWith('--until=')) return { error: `unknown argument "${arg}"` };
    if (until) return { error: '--until is given twice' };
    const value = arg === '--until' ? args[++i] : arg.slice('--until='.length);
    if (value === undefined) return { error: '--until needs a value' };
    const parsed = parseAuditUntil(value);
    if ('error' in parsed) return parsed;
    until = parsed;
  }
  return { until, json };
}

/**
 * Rebuilds every read model from the log into a scratch store and compares it with the live one,
 * which is opened read-only; the caller holds the node's lock, so nothing writes the read models
 * meanwhile. When the stores cannot be opened: the exit code (65 read models of another schema
 * version, 66 no log or no read models), the reason written to `err`.
 */
export async function runReplayAudit(
  config: NodeConfig,
  until: AuditUntil | undefined,
  err: NodeJS.WriteStream,
): Promise<ReplayAuditReport | { exit: number }> {
  if (!config.eventStoreUrl && !existsSync(join(config.dataDir, EVENT_STORE_FILE))) {
    err.write(`${config.dataDir} holds no event log (${EVENT_STORE_FILE})\n`);
    return { exit: 66 };
  }
  const readModelFile = join(config.dataDir, READ_MODEL_FILE);
  if (!config.mongoUrl && !existsSync(readModelFile)) {
    err.write(`${config.dataDir} holds no read models (${READ_MODEL_FILE}): run projections rebuild\n`);
    return { exit: 66 };
  }
  let live: ReadModelStore;
  try {
    live = config.mongoUrl
      ? await MongoReadModelStore.connect(config.mongoUrl, { dbName: mongoDbName(config), readOnly: true })
      : new SqliteReadModelStore({ file: readModelFile, readOnly: true });
  } catch (error) {
    if (!(error instanceof ReadModelSchemaMismatchError)) throw error;
    err.write(`${error.message}\n`);
    return { exit: 65 }; // EX_DATAERR
  }
  const eventStore = await openLog(config);
  try {
    err.write(`replaying the log of ${config.dataDir} into a scratch store\n`);
    const bar = new ProgressBar(err, { unit: 'events' });
    const report = await auditReplay(eventStore, live, {
      until,
      onProgress: bar.update,
      deadlinePolicy: config.deadlinePolicy,
    });
    bar.finish();
    return report;
  } finally {
    await live.close();
    await eventStore.close();
  }
}

export const auditReplayCommand = command({
  words: ['audit', 'replay'],
  help: `audit replay [--until <position | ISO instant>] [--json]
                        rebuild every read model from the log into a scratch store and compare it
                        with the live one (only read), naming each difference; exit 1 if any
                        (stop the node first)`,
  usage: AUDIT_REPLAY_USAGE,
  parse: parseAuditReplayArgs,
  needsNode: true,
  // The node writes the read models: no comparison would hold still.
  lockedFor: 'auditing its read models',
  async run(config, args, { out, err }) {
    const report = await runReplayAudit(config, args.until, err);
    if ('exit' in report) return report.exit;
    out.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : replayAuditText(report));
    return report.matches ? 0 : 1;
  },
});

/** The log, only read: no signer, since nothing is appended. */
async function openLog(config: NodeConfig): Promise<EventStore> {
  if (config.eventStoreUrl) return EventStoreDbEventStore.connect(config.eventStoreUrl);
  return SqliteEventStore.open({ file: join(config.dataDir, EVENT_STORE_FILE) });
}
