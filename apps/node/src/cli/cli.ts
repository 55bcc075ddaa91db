import { ProgressBar, rebuildProjections } from '@nrm/read-models';
import { loadDotEnv } from '@nrm/config/dotenv';
import { readNodeConfig } from '@nrm/config/node-config';
import {
  NodeAdapters,
  openNodeAdapters,
  PROJECTIONS_LOCK_FILE,
} from '@nrm/application/infrastructure/node-adapters';
import { LockHeldError, ProcessLock } from '@nrm/application/infrastructure/process-lock';
import { join } from 'node:path';
import { verifyNodeLog } from '@nrm/application/audit/verify-node-log';
import { rotateMasterKey } from './rotate-master-key';
import { exportCase, EXPORT_USAGE, missingNodeData, parseExportCaseArgs } from './export-case';
import { nodeIdentity, partnersCli, PARTNERS_USAGE } from './partners-cli';
import { AUDIT_REPLAY_USAGE, auditReplayCli, parseAuditReplayArgs } from './audit-replay';

const USAGE = `usage: npm run cli -- <command>

commands:
  projections rebuild   drop the read models and rebuild them from the event log (stop the node first)
  log verify            recompute the Merkle log and check every signed checkpoint
  audit replay [--until <position | ISO instant>] [--json]
                        rebuild every read model from the log into a scratch store and compare it
                        with the live one (only read), naming each difference; exit 1 if any
                        (stop the node first)
  keys rotate-master    re-wrap every subject key under a new master key (stop the node first):
                        current key from NRM_MASTER_KEY, new one from NRM_NEW_MASTER_KEY; or, for a
                        node keeping its key in <data dir>/master.key, --generate a new key file.
                        An interrupted rotation resumes when run again with the same keys.
  cases export <caseId> --purpose "<why>" --operator <username> [--out <file>]
                        write the case's export (as GET /api/cases/:id/export answers it to that
                        user) to a new file of mode 0600, or to standard output; recorded in the
                        access log (channel cli) under that user (stop the node first)
  partners list | add | update | remove | release
                        the partner registry (npm run cli -- partners help); changes are recorded
                        under the --operator admin account (stop the node first, or use /api/partners)
  node identity         this node's id, country and public keys, to give to partner nodes
  help                  this text

The node's settings come from the environment or .env (NRM_DATA_DIR, NRM_NODE_COUNTRY, ...).`;

/** Operator commands on a node's data directory; returns the process exit code. */
export async function runCli(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  const command = argv.join(' ');
  if (command === '' || command === 'help' || command === '--help') {
    out.write(USAGE + '\n');
    return command === '' ? 64 : 0;
  }
  if (argv[0] === 'keys' && argv[1] === 'rotate-master') {
    loadDotEnv();
    const config = readNodeConfig();
    return withNodeStopped(config.dataDir, 'rotating the master key', err, () =>
      rotateMasterKey(config.dataDir, argv.slice(2), out, err),
    );
  }
  if (argv[0] === 'cases' && argv[1] === 'export') {
    const args = parseExportCaseArgs(argv.slice(2));
    if ('error' in args) {
      err.write(`${args.error}\n${EXPORT_USAGE}\n`);
      return 64;
    }
    loadDotEnv();
    const config = readNodeConfig();
    const missing = missingNodeData(config.dataDir);
    if (missing) {
      err.write(`${missing}\n`);
      return 66; // EX_NOINPUT
    }
    // Refused while a node runs, like a rebuild: this writes the read models (catching up) and bypasses
    // login; a running node answers the same export through its HTTP route.
    return withNodeStopped(
      config.dataDir,
      'exporting from its data directory (or export through GET /api/cases/:id/export)',
      err,
      () => exportCase(config, args, out, err),
    );
  }
  if (argv[0] === 'audit' && argv[1] === 'replay') {
    const args = parseAuditReplayArgs(argv.slice(2));
    if ('error' in args) {
      err.write(`${args.error}\n${AUDIT_REPLAY_USAGE}\n`);
      return 64;
    }
    loadDotEnv();
    const config = readNodeConfig();
    const missing = missingNodeData(config.dataDir);
    if (missing) {
      err.write(`${missing}\n`);
      return 66;
    }
    // Refused while a node runs: it writes the read models, so no comparison would hold still.
    return withNodeStopped(config.dataDir, 'auditing its read models', err, () =>
      auditReplayCli(config, args, out, err),
    );
  }
  if (command === 'node identity') {
    loadDotEnv();
    out.write(nodeIdentity(readNodeConfig()) + '\n');
    return 0;
  }
  if (argv[0] === 'partners') {
    if (!['list', 'add', 'update', 'remove', 'release'].includes(argv[1])) {
      out.write(`${PARTNERS_USAGE}\n`);
      return argv[1] === 'help' ? 0 : 64;
    }
    loadDotEnv();
    const config = readNodeConfig();
    const missing = missingNodeData(config.dataDir);
    if (missing) {
      err.write(`${missing}\n`);
      return 66;
    }
    return withNodeStopped(
      config.dataDir,
      'changing partners from its data directory (or use /api/partners)',
      err,
      () => partnersCli(config, argv.slice(1), out, err),
    );
  }
  if (command !== 'projections rebuild' && command !== 'log verify') {
    err.write(`unknown command "${command}"\n\n${USAGE}\n`);
    return 64; // EX_USAGE
  }
  loadDotEnv();
  const config = readNodeConfig();
  const adapters = await openNodeAdapters(config);
  try {
    if (command === 'projections rebuild') {
      return await withNodeStopped(config.dataDir, 'rebuilding', err, () =>
        rebuild(adapters, config.dataDir, out, err),
      );
    }
    const result = await verifyNodeLog(adapters, config.nodeId);
    out.write(JSON.stringify(result, null, 2) + '\n');
    return result.valid ? 0 : 1;
  } finally {
    await adapters.close();
  }
}

/** Holds the node's lock for the task: refuses (75) while a node runs on the same data directory. */
async function withNodeStopped(
  dataDir: string,
  task: string,
  err: NodeJS.WritableStream,
  run: () => Promise<number>,
): Promise<number> {
  const lock = new ProcessLock(join(dataDir, PROJECTIONS_LOCK_FILE));
  try {
    lock.acquire();
  } catch (error) {
    if (!(error instanceof LockHeldError)) throw error;
    err.write(`a node (pid ${error.pid}) is running on ${dataDir}: stop it before ${task}\n`);
    return 75; // EX_TEMPFAIL
  }
  try {
    return await run();
  } finally {
    lock.release();
  }
}

async function rebuild(
  adapters: NodeAdapters,
  dataDir: string,
  out: NodeJS.WritableStream,
  err: NodeJS.WriteStream,
) {
  err.write(`rebuilding read models of ${dataDir}\n`);
  const bar = new ProgressBar(err, { unit: 'events' });
  const started = Date.now();
  const result = await rebuildProjections(adapters.eventStore, adapters.readModels, {
    onProgress: bar.update,
  });
  bar.finish();
  out.write(
    `rebuilt read models from ${result.events} events (up to position ${result.position}) in ${Date.now() - started} ms\n`,
  );
  return 0;
}
