import { command, type ParseRefusal } from './cli-command';
import { loadOrCreateNodeSigningKey } from '@nrm/event-store/integrity';
import {
  loadOrCreateNodeEncryptionKey,
  type DataSharingAgreement,
  type Partner,
  type RegistryCommand,
} from '@nrm/transnational';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withAccounts } from '@nrm/iam/accounts/with-accounts';
import { NodeConfig } from '@nrm/config/node-config';
import { ConflictError, InvalidRequestError, NotFoundError } from '@nrm/common';
import { openNodeAdapters } from '@nrm/application/infrastructure/node-adapters';
import { cliServices } from './cli-services';

export const PARTNERS_USAGE = `usage:
  npm run cli -- partners list
  npm run cli -- partners add --node-id <id> --country <CC> --public-key <pem file> --encryption-key <pem file>
                              --agreement <json file> [--endpoint <url>] --operator <admin username>
  npm run cli -- partners update <nodeId> [--public-key <pem file>] [--encryption-key <pem file>]
                              [--agreement <json file>] [--endpoint <url>] --operator <admin username>
  npm run cli -- partners remove <nodeId> --reason <text> --operator <admin username>
  npm run cli -- partners release <nodeId> --reason <text> --operator <admin username>
  npm run cli -- node identity`;

type Options = Record<string, string>;

function parse(args: string[]): { positional: string[]; options: Options } | { error: string } {
  const positional: string[] = [];
  const options: Options = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const value = inline ?? args[++i];
    if (value === undefined) return { error: `--${name} needs a value` };
    if (name in options) return { error: `--${name} given twice` };
    options[name] = value;
  }
  return { positional, options };
}

/**
 * The partner registry from the command line, for an admin with the node's data directory (stop the
 * node first: the caller holds its lock). Changes are the same events as through the API, recorded
 * under the named admin account. Exit codes (sysexits): 64 usage, 65 refused input, 66 unreadable
 * file, 67 unknown operator, 77 not an admin.
 */
export async function partnersCli(
  config: NodeConfig,
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  cwd = process.env.INIT_CWD ?? process.cwd(),
): Promise<number> {
  const parsed = parse(argv.slice(1));
  if ('error' in parsed) {
    err.write(`${parsed.error}\n${PARTNERS_USAGE}\n`);
    return 64;
  }
  const { positional, options } = parsed;
  const sub = argv[0];
  const adapters = await openNodeAdapters({ ...config, kafkaBrokers: undefined });
  try {
    const registry = cliServices(adapters, config).registry();
    if (sub === 'list') {
      const { state } = await registry.state();
      for (const p of state.partners.values())
        out.write(`${p.nodeId}\t${p.country}\t${p.status}\t${p.endpoint ?? '-'}\t${p.agreement.reference}\n`);
      return 0;
    }
    const operator = options.operator;
    if (!operator) {
      err.write(`--operator <admin username> is required\n${PARTNERS_USAGE}\n`);
      return 64;
    }
    const account = withAccounts(config.dataDir, (accounts) => accounts.findByUsername(operator));
    if (!account) {
      err.write(`no user "${operator}" on the node of ${config.dataDir}\n`);
      return 67;
    }
    if (account.role !== 'admin') {
      err.write(`user "${operator}" is ${account.role}: only an admin manages partners\n`);
      return 77;
    }
    let command: RegistryCommand;
    if (sub === 'add') {
      const missing = ['node-id', 'country', 'public-key', 'encryption-key', 'agreement'].filter(
        (o) => !options[o],
      );
      if (missing.length) {
        err.write(`missing ${missing.map((o) => `--${o}`).join(', ')}\n${PARTNERS_USAGE}\n`);
        return 64;
      }
      const files = readPartnerFiles(options, cwd, err);
      if (typeof files === 'number') return files;
      const partner: Omit<Partner, 'status'> = {
        nodeId: options['node-id'],
        country: options.country.toUpperCase(),
        publicKeyPem: files.publicKeyPem as string,
        encryptionKeyPem: files.encryptionKeyPem as string,
        agreement: files.agreement as DataSharingAgreement,
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      };
      command = { type: 'RegisterPartner', partner, localNodeId: config.nodeId };
    } else if (sub === 'update' && positional.length === 1) {
      const files = readPartnerFiles(options, cwd, err);
      if (typeof files === 'number') return files;
      command = {
        type: 'UpdatePartner',
        changes: {
          nodeId: positional[0],
          ...files,
          ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        },
      };
    } else if ((sub === 'remove' || sub === 'release') && positional.length === 1 && options.reason) {
      command =
        sub === 'remove'
          ? { type: 'RemovePartner', nodeId: positional[0], reason: options.reason }
          : { type: 'ReleasePartner', nodeId: positional[0], reason: options.reason };
    } else {
      err.write(`${PARTNERS_USAGE}\n`);
      return 64;
    }
    try {
      const state = await registry.execute(command, {
        userId: account.userId,
        role: 'admin',
        agency: account.agency,
      });
      const nodeId =
        command.type === 'RegisterPartner'
          ? command.partner.nodeId
          : command.type === 'UpdatePartner'
            ? command.changes.nodeId
            : command.nodeId;
      out.write(`${nodeId}: ${state.partners.get(nodeId)?.status}\n`);
      return 0;
    } catch (error) {
      if (
        error instanceof NotFoundError ||
        error instanceof ConflictError ||
        error instanceof InvalidRequestError
      ) {
        err.write(`refused: ${error.message}\n`);
        return 65; // EX_DATAERR
      }
      throw error;
    }
  } finally {
    await adapters.close();
  }
}

/** Reads the key and agreement files the options name (each optional here); an exit code on failure. */
function readPartnerFiles(
  options: Options,
  cwd: string,
  err: NodeJS.WritableStream,
): Partial<Pick<Partner, 'publicKeyPem' | 'encryptionKeyPem' | 'agreement'>> | number {
  const read = (option: string) => readFileSync(resolve(cwd, options[option]), 'utf8');
  const files: Partial<Pick<Partner, 'publicKeyPem' | 'encryptionKeyPem' | 'agreement'>> = {};
  try {
    if (options['public-key']) files.publicKeyPem = read('public-key');
    if (options['encryption-key']) files.encryptionKeyPem = read('encryption-key');
    if (options.agreement) files.agreement = JSON.parse(read('agreement')) as DataSharingAgreement;
  } catch (error) {
    err.write(`cannot read the files given: ${(error as Error).message}\n`);
    return 66; // EX_NOINPUT
  }
  const { agreement } = files;
  if (
    agreement !== undefined &&
    (typeof agreement !== 'object' || agreement === null || typeof agreement.fields !== 'object')
  ) {
    err.write('the agreement file must hold { "reference": ..., "fields": { "<purpose>": [fields] } }\n');
    return 65; // EX_DATAERR
  }
  return files;
}

/** The node's public identity, to give to partners (works while the node runs: it only reads key files). */
export function nodeIdentity(config: NodeConfig): string {
  const signer = loadOrCreateNodeSigningKey(config.dataDir);
  const encryption = loadOrCreateNodeEncryptionKey(config.dataDir);
  return JSON.stringify(
    {
      nodeId: config.nodeId,
      country: config.country,
      publicKeyPem: signer.publicKeyPem,
      encryptionKeyPem: encryption.publicKeyPem,
    },
    null,
    2,
  );
}

const PARTNER_COMMANDS = ['list', 'add', 'update', 'remove', 'release'];

export const partners = command({
  words: ['partners'],
  help: `partners list | add | update | remove | release
                        the partner registry (npm run cli -- partners help); changes are recorded
                        under the --operator admin account (stop the node first, or use /api/partners)`,
  usage: PARTNERS_USAGE,
  parse: (args: string[]): string[] | ParseRefusal => {
    if (PARTNER_COMMANDS.includes(args[0])) return args;
    if (args[0] === 'help') return { usage: true };
    return {
      error: args[0] === undefined ? 'which partners command?' : `unknown partners command "${args[0]}"`,
    };
  },
  needsNode: true,
  lockedFor: 'changing partners from its data directory (or use /api/partners)',
  run: (config, args, { out, err }) => partnersCli(config, args, out, err),
});

export const nodeIdentityCommand = command({
  words: ['node', 'identity'],
  help: `node identity         this node's id, country and public keys, to give to partner nodes`,
  usage: 'usage: npm run cli -- node identity',
  needsNode: false,
  run: async (config, _args, { out }) => {
    out.write(nodeIdentity(config) + '\n');
    return 0;
  },
});
