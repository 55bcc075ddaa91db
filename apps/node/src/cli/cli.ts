import { loadDotEnv } from '@nrm/config/dotenv';
import { NodeConfig, readNodeConfig } from '@nrm/config/node-config';
import { PROJECTIONS_LOCK_FILE } from '@nrm/application/infrastructure/node-adapters';
import { LockHeldError, ProcessLock } from '@nrm/application/infrastructure/process-lock';
import { join } from 'node:path';
import { auditReplayCommand } from './audit-replay';
import { auditReportCommand } from './audit-report';
import { isRefusal, type CliIo, type RunnableCommand } from './cli-command';
import { casesExport, missingNodeData } from './export-case';
import { logVerify } from './log-verify';
import { nodeIdentityCommand, partners } from './partners-cli';
import { districts } from './districts-cli';
import { agencies } from './agencies-cli';
import { teams } from './teams-cli';
import { projectionsRebuild } from './projections-rebuild';
import { keysRotateMaster } from './rotate-master-key';
import { statisticsExport } from './statistics-export';

/** Every command, in the order `help` lists them. */
const COMMANDS: readonly RunnableCommand[] = [
  projectionsRebuild,
  logVerify,
  auditReplayCommand,
  auditReportCommand,
  keysRotateMaster,
  casesExport,
  partners,
  districts,
  agencies,
  teams,
  statisticsExport,
  nodeIdentityCommand,
];

const USAGE = `usage: npm run cli -- <command>

commands:
${COMMANDS.map((command) => `  ${command.help}`).join('\n')}
  help                  this text

The node's settings come from the environment or .env (NRM_DATA_DIR, NRM_NODE_COUNTRY, ...).`;

/** Operator commands on a node's data directory; returns the process exit code. */
export async function runCli(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WriteStream = process.stderr,
): Promise<number> {
  const words = argv.join(' ');
  if (words === '' || words === 'help' || words === '--help') {
    out.write(USAGE + '\n');
    return words === '' ? 64 : 0;
  }
  const command = COMMANDS.find((candidate) => candidate.words.every((word, i) => argv[i] === word));
  if (!command) {
    err.write(`unknown command "${words}"\n\n${USAGE}\n`);
    return 64; // EX_USAGE
  }
  return runCommand(command, argv.slice(command.words.length), { out, err });
}

/** Arguments first (nothing is opened for a wrong command line), then the node, then its lock. */
async function runCommand(command: RunnableCommand, rest: string[], io: CliIo): Promise<number> {
  const prepared = command.prepare(rest);
  if (isRefusal(prepared)) {
    if ('usage' in prepared) {
      io.out.write(`${command.usage}\n`);
      return 0;
    }
    io.err.write(`${prepared.error}\n${command.usage}\n`);
    return 64;
  }
  loadDotEnv();
  const config = readNodeConfig();
  if (command.needsNode) {
    const missing = missingNodeData(config.dataDir);
    if (missing) {
      io.err.write(`${missing}\n`);
      return 66; // EX_NOINPUT
    }
  }
  const run = () => prepared.run(config, io);
  return prepared.lockedFor ? withNodeStopped(config, prepared.lockedFor, io.err, run) : run();
}

/** Holds the node's lock for the task: refuses (75) while a node runs on the same data directory. */
async function withNodeStopped(
  config: NodeConfig,
  task: string,
  err: NodeJS.WritableStream,
  run: () => Promise<number>,
): Promise<number> {
  const lock = new ProcessLock(join(config.dataDir, PROJECTIONS_LOCK_FILE));
  try {
    lock.acquire();
  } catch (error) {
    if (!(error instanceof LockHeldError)) throw error;
    err.write(`a node (pid ${error.pid}) is running on ${config.dataDir}: stop it before ${task}\n`);
    return 75; // EX_TEMPFAIL
  }
  try {
    return await run();
  } finally {
    lock.release();
  }
}
