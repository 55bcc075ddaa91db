import { InvalidRequestError, NotFoundError } from '@nrm/common';
import { AGENCY_KINDS, type AgencyKind } from '@nrm/contracts';
import { RuleViolation, type OrganisationCommand, type OrganisationState } from '@nrm/domain';
import type { Actor } from '@nrm/event-store/port';
import { openNodeAdapters } from '@nrm/application/infrastructure/node-adapters';
import { withAccounts } from '@nrm/iam/accounts/with-accounts';
import type { NodeConfig } from '@nrm/config/node-config';
import type { CliIo, ParseRefusal } from './cli-command';
import { cliServices } from './cli-services';

/**
 * What the organisation commands (districts, agencies, teams) share: their arguments, the actor they
 * record and the run against a stopped node's stores. An operator sets a node up before any user
 * exists, so the operator account is optional: without it the change is recorded as the node's
 * operator at the console (`node-operator`, role `node`).
 */
export interface OrganisationArgs {
  sub: 'list' | 'add';
  options: Record<string, string>;
}

const NODE_OPERATOR: Actor = { userId: 'node-operator', role: 'node' };

/** `list` or `add --name value ...`: the options an `add` needs are checked by each command. */
export function parseOrganisationArgs(
  noun: string,
  args: string[],
  required: readonly string[],
  optional: readonly string[] = [],
): OrganisationArgs | ParseRefusal {
  const [sub, ...rest] = args;
  if (sub === 'help') return { usage: true };
  if (sub === 'list')
    return rest.length ? { error: `${noun} list takes no arguments` } : { sub, options: {} };
  if (sub !== 'add')
    return { error: sub === undefined ? `which ${noun} command?` : `unknown ${noun} command "${sub}"` };
  const options: Record<string, string> = {};
  const known = [...required, ...optional, 'operator'];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) return { error: `unexpected argument "${arg}"` };
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!known.includes(name)) return { error: `unknown option --${name}` };
    const value = inline ?? rest[++i];
    if (value === undefined) return { error: `--${name} needs a value` };
    if (name in options) return { error: `--${name} given twice` };
    options[name] = value;
  }
  const missing = required.filter((name) => !options[name]);
  if (missing.length) return { error: `missing ${missing.map((name) => `--${name}`).join(', ')}` };
  if (options.kind !== undefined && !(AGENCY_KINDS as readonly string[]).includes(options.kind))
    return { error: `--kind must be one of: ${AGENCY_KINDS.join(', ')}` };
  return { sub, options };
}

export const isAgencyKind = (kind: string): kind is AgencyKind =>
  (AGENCY_KINDS as readonly string[]).includes(kind);

/**
 * Lists (`list`) or changes (`add`: the command `toCommand` builds) the registries of the node of
 * `config`. Exit codes (sysexits): 65 refused by a rule, 67 unknown operator, 77 not an admin.
 */
export async function runOrganisation(
  config: NodeConfig,
  args: OrganisationArgs,
  io: CliIo,
  list: (state: OrganisationState) => string[],
  toCommand: (options: Record<string, string>, config: NodeConfig) => OrganisationCommand,
): Promise<number> {
  let actor = NODE_OPERATOR;
  const operator = args.options.operator;
  if (operator !== undefined) {
    const account = withAccounts(config.dataDir, (accounts) => accounts.findByUsername(operator));
    if (!account) {
      io.err.write(`no user "${operator}" on the node of ${config.dataDir}\n`);
      return 67;
    }
    if (account.role !== 'admin') {
      io.err.write(`user "${operator}" is ${account.role}: only an admin changes the organisation\n`);
      return 77;
    }
    actor = { userId: account.userId, role: 'admin', ...(account.agency ? { agency: account.agency } : {}) };
  }
  const adapters = await openNodeAdapters({ ...config, kafkaBrokers: undefined });
  try {
    const registry = cliServices(adapters, config).organisation();
    if (args.sub === 'list') {
      for (const line of list((await registry.state()).state)) io.out.write(`${line}\n`);
      return 0;
    }
    try {
      const state = await registry.execute(toCommand(args.options, config), actor);
      const code = args.options.code ?? args.options.team;
      io.out.write(`${list(state).find((line) => line.startsWith(`${code}\t`)) ?? code}\n`);
      return 0;
    } catch (error) {
      if (error instanceof RuleViolation) {
        io.err.write(`refused (${error.rule}): ${error.message}\n`);
        return 65; // EX_DATAERR
      }
      if (error instanceof NotFoundError || error instanceof InvalidRequestError) {
        io.err.write(`refused: ${error.message}\n`);
        return 65;
      }
      throw error;
    }
  } finally {
    await adapters.close();
  }
}
