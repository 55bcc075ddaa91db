import { produceIntegrityReport } from '@nrm/application/audit/report/integrity-report';
import {
  replayAuditResultOf,
  type ReplayAuditResult,
} from '@nrm/application/audit/report/replay-audit-result';
import { openNodeAdapters } from '@nrm/application/infrastructure/node-adapters';
import { systemClock } from '@nrm/config/clock';
import type { NodeConfig } from '@nrm/config/node-config';
import { BRIDGE_STATE_FILE, SqliteBridgeState } from '@nrm/partner-bridge/bridge/sqlite-bridge-state';
import { partnerWitnessingStates } from '@nrm/partner-bridge/bridge/partner-witnessing-states';
import { ProgressBar } from '@nrm/read-models';
import { closeSync, existsSync, fchmodSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runReplayAudit } from './audit-replay';
import { command } from './cli-command';
import { cliServices } from './cli-services';

export const AUDIT_REPORT_USAGE = 'usage: npm run cli -- audit report --out <file.html> [--force] [--replay]';

export interface AuditReportArgs {
  out: string;
  /** Replace an existing file. */
  force: boolean;
  /** Run the replay audit first (the node stopped) and put its result in the report. */
  replay: boolean;
}

/** `--out <file>` (or `--out=<file>`), `--force`. */
export function parseAuditReportArgs(args: string[]): AuditReportArgs | { error: string } {
  let out: string | undefined;
  let force = false;
  let replay = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--force') {
      force = true;
    } else if (arg === '--replay') {
      replay = true;
    } else if (arg === '--out' || arg.startsWith('--out=')) {
      if (out !== undefined) return { error: '--out is given twice' };
      out = arg === '--out' ? args[++i] : arg.slice('--out='.length);
      if (out === undefined || out.trim() === '') return { error: '--out needs a file name' };
    } else {
      return { error: `unknown argument ${arg}` };
    }
  }
  if (out === undefined) return { error: '--out <file> is required: the report is an HTML file' };
  return { out, force, replay };
}

/**
 * `audit report`: the integrity report GET /api/audit/report answers, written to a new file of mode
 * 0600. Reads only (the log, its checkpoints, the registry, the bridge state), so it runs beside a
 * running node. Exit 0 when the log verifies, 1 when the report records a log that does not (the report
 * is written all the same), 73 when the file exists (without --force).
 * `replay` is the replay audit's result, when one was run for this report.
 */
export async function auditReport(
  config: NodeConfig,
  args: AuditReportArgs,
  err: NodeJS.WritableStream,
  replay?: ReplayAuditResult,
  cwd = process.env.INIT_CWD ?? process.cwd(),
): Promise<number> {
  const file = resolve(cwd, args.out);
  if (!args.force && existsSync(file)) {
    err.write(`${file} exists: name a new file, or give --force to replace it\n`);
    return 73; // EX_CANTCREAT
  }
  // Nothing is sent anywhere: no Kafka relay.
  const adapters = await openNodeAdapters({ ...config, kafkaBrokers: undefined });
  // The bridge's own file is opened only where a bridge has run: a report creates no file.
  const bridge = existsSync(join(config.dataDir, BRIDGE_STATE_FILE))
    ? SqliteBridgeState.inDataDir(config.dataDir)
    : undefined;
  try {
    const registry = cliServices(adapters, config).registry();
    err.write(`verifying the log of ${config.nodeId} in ${config.dataDir}\n`);
    const bar = new ProgressBar(err, { unit: 'events' });
    const report = await produceIntegrityReport(
      {
        node: { id: config.nodeId, country: config.country },
        log: adapters.auditableLog,
        signer: adapters.signer,
        requireSignedHead: adapters.signsEveryAppend,
        partners: async () => partnerWitnessingStates((await registry.state()).state, bridge),
        now: () => systemClock.now(),
      },
      { replay, onProgress: bar.update },
    );
    bar.finish();
    if (!writeReport(file, report.html, args.force)) {
      err.write(`${file} was created meanwhile: name a new file, or give --force to replace it\n`);
      return 73;
    }
    const { verification } = report.data;
    err.write(
      `wrote the integrity report to ${file}: ${verification.size} events, log ` +
        `${verification.valid ? 'valid' : `INVALID (${verification.reason}: ${verification.detail})`}\n`,
    );
    return verification.valid ? 0 : 1;
  } finally {
    bridge?.close();
    await adapters.close();
  }
}

/** Owner-only whatever the umask (the report names cases and accounts' roles); replaced only with --force. */
function writeReport(file: string, html: string, force: boolean): boolean {
  let fd: number;
  try {
    fd = openSync(file, force ? 'w' : 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    fchmodSync(fd, 0o600);
    writeSync(fd, html);
    return true;
  } finally {
    closeSync(fd);
  }
}

export const auditReportCommand = command({
  words: ['audit', 'report'],
  help: `audit report --out <file.html> [--force] [--replay]
                        write the signed integrity report (as GET /api/audit/report answers it) to a
                        new file of mode 0600; exit 1 when it records a log that does not verify.
                        --replay runs the replay audit first and reports it (stop the node first;
                        exit 1 too when the read models differ from the log)`,
  usage: AUDIT_REPORT_USAGE,
  parse: parseAuditReportArgs,
  needsNode: true,
  // Without the replay it only reads, beside a running node (SQLite WAL readers).
  lockedFor: (args) => (args.replay ? 'auditing its read models for the report' : undefined),
  async run(config, args, { err }) {
    if (!args.replay) return auditReport(config, args, err);
    const performedAt = new Date().toISOString();
    const replay = await runReplayAudit(config, undefined, err);
    if ('exit' in replay) return replay.exit;
    const result = replayAuditResultOf(replay, performedAt);
    const code = await auditReport(config, args, err, result);
    // Read models that differ from the log are a finding like a log that does not verify.
    return code === 0 && !result.equal ? 1 : code;
  },
});
