import { command } from './cli-command';
import { CaseNotFoundError } from '@nrm/domain';
import { ProjectionRunner } from '@nrm/read-models';
import { closeSync, existsSync, fchmodSync, openSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { withAccounts } from '@nrm/iam/accounts/with-accounts';
import { ACCOUNTS_FILE } from '@nrm/iam/stores/accounts-database';
import { Principal } from '@nrm/iam/roles';
import { NodeConfig } from '@nrm/config/node-config';
import { CASE_EXPORT_ROLES } from '@nrm/application/export/case-export';
import { exportPurposeError } from '@nrm/application/export/export-purpose';
import { NodeAdapters, openNodeAdapters } from '@nrm/application/infrastructure/node-adapters';
import { cliServices } from './cli-services';

export const EXPORT_USAGE =
  'usage: npm run cli -- cases export <caseId> --purpose <code, e.g. subject_access_request> --operator <username> [--out <file>]';

export interface ExportCaseArgs {
  caseId: string;
  purpose: string;
  operator: string;
  /** Absent: the document goes to standard output. */
  out?: string;
}

const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** Longest the read models may take to catch up with the log before the export gives up. */
const CATCH_UP_TIMEOUT_MS = 10 * 60_000;

/** `<caseId> --purpose <text> --operator <username> [--out <file>]`, each option also as `--name=value`. */
export function parseExportCaseArgs(args: string[]): ExportCaseArgs | { error: string } {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (!['purpose', 'operator', 'out'].includes(name)) return { error: `unknown option --${name}` };
    if (name in options) return { error: `--${name} is given twice` };
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined) return { error: `--${name} needs a value` };
    options[name] = value;
  }
  if (positional.length !== 1) return { error: 'name exactly one case id' };
  const purposeError = exportPurposeError(options.purpose);
  if (purposeError) return { error: purposeError.replace(/^purpose/, '--purpose') };
  if (!options.operator?.trim()) {
    return { error: '--operator is required: the username the access is recorded under' };
  }
  if (options.out !== undefined && options.out.trim() === '') return { error: '--out needs a file name' };
  return {
    caseId: positional[0],
    purpose: options.purpose.trim(),
    operator: options.operator.trim(),
    out: options.out,
  };
}

/**
 * `cases export`: the document GET /api/cases/:id/export answers, written from the node's data
 * directory, for a named operator account and recorded in the access log (channel 'cli'). The caller
 * holds the node's lock (no node running), so the read models can be brought up to date first.
 * Exit codes (sysexits): 66 no such case (or outside the operator's scope), 67 unknown operator,
 * 73 output file exists, 77 operator's role may not read cases.
 */
export async function exportCase(
  config: NodeConfig,
  args: ExportCaseArgs,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  cwd = process.env.INIT_CWD ?? process.cwd(),
): Promise<number> {
  const account = withAccounts(config.dataDir, (accounts) => accounts.findByUsername(args.operator));
  if (!account) {
    err.write(`no user "${args.operator}" on the node of ${config.dataDir}\n`);
    return 67; // EX_NOUSER
  }
  const principal: Principal = {
    userId: account.userId,
    username: account.username,
    role: account.role,
    agency: account.agency,
    country: account.country,
  };
  if (!CASE_EXPORT_ROLES.includes(principal.role)) {
    err.write(
      `user "${principal.username}" is ${principal.role}: only roles that read cases may export one\n`,
    );
    return 77; // EX_NOPERM
  }
  const notFound = () => {
    err.write(
      `no case ${args.caseId} that ${principal.username} (${principal.agency ?? 'no agency'}) may read\n`,
    );
    return 66; // EX_NOINPUT
  };
  if (!CASE_ID.test(args.caseId)) return notFound();

  // Created before anything is read, so an existing file stops the export before it is recorded.
  const file = args.out === undefined ? undefined : resolve(cwd, args.out);
  let fd: number | undefined;
  if (file) {
    try {
      fd = openSync(file, 'wx', 0o600);
      fchmodSync(fd, 0o600); // whatever the umask: the file holds personal data
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      err.write(`${file} exists: name a new file (an export never overwrites one)\n`);
      return 73; // EX_CANTCREAT
    }
  }
  let written = false;
  // The export needs no Kafka: the node's relay copies the access record when it runs again.
  const adapters = await openNodeAdapters({ ...config, kafkaBrokers: undefined });
  try {
    await catchUpReadModels(adapters, err);
    const document = await cliServices(adapters, config)
      .exporter()
      .export(args.caseId.toLowerCase(), principal, args.purpose, 'cli')
      .catch((error: unknown) => {
        if (error instanceof CaseNotFoundError) return undefined;
        throw error;
      });
    if (!document) return notFound();
    const text = JSON.stringify(document, null, 2) + '\n';
    if (fd === undefined) {
      out.write(text);
    } else {
      writeSync(fd, text);
      written = true;
    }
    err.write(
      `exported case ${document.caseId} (${document.events.length} events, personal data ${document.personalData}) ` +
        `for ${principal.username} to ${file ?? 'standard output'}; recorded in the access log\n`,
    );
    return 0;
  } finally {
    await adapters.close();
    if (fd !== undefined) {
      closeSync(fd);
      if (!written && file) rmSync(file, { force: true });
    }
  }
}

/** Where the data directory holds no node, say so rather than create one (and find no user in it). */
export function missingNodeData(dataDir: string): string | undefined {
  return existsSync(join(dataDir, ACCOUNTS_FILE))
    ? undefined
    : `${dataDir} holds no node (no ${ACCOUNTS_FILE}): set NRM_DATA_DIR to the node's data directory`;
}

/** A node stopped before projecting its last events left the read models behind: catch up first. */
export async function catchUpReadModels(adapters: NodeAdapters, err: NodeJS.WritableStream): Promise<void> {
  const head = await adapters.eventStore.headPosition();
  const runner = new ProjectionRunner(adapters.eventStore, adapters.readModels, {
    onError: (error) => err.write(`read models: ${error.message}; retrying\n`),
  });
  await runner.start();
  try {
    if (runner.position < head) err.write(`bringing the read models up to date (log position ${head})\n`);
    await runner.waitForPosition(head, CATCH_UP_TIMEOUT_MS);
  } finally {
    await runner.stop();
  }
}

export const casesExport = command({
  words: ['cases', 'export'],
  help: `cases export <caseId> --purpose "<why>" --operator <username> [--out <file>]
                        write the case's export (as GET /api/cases/:id/export answers it to that
                        user) to a new file of mode 0600, or to standard output; recorded in the
                        access log (channel cli) under that user (stop the node first)`,
  usage: EXPORT_USAGE,
  parse: parseExportCaseArgs,
  needsNode: true,
  // It writes the read models (catching up) and bypasses login; a running node answers the same
  // export through its HTTP route.
  lockedFor: 'exporting from its data directory (or export through GET /api/cases/:id/export)',
  run: (config, args, { out, err }) => exportCase(config, args, out, err),
});
