import { command } from './cli-command';
import { parseOrganisationArgs, runOrganisation, type OrganisationArgs } from './organisation-cli';

export const DISTRICTS_USAGE = `usage:
  npm run cli -- districts list
  npm run cli -- districts add --code <code> --name <name> [--operator <admin username>]`;

/** The districts (or communities) of the node's country: cases, agencies and teams sit in one. */
export const districts = command<OrganisationArgs>({
  words: ['districts'],
  help: `districts list | add
                        the districts of the node's country (npm run cli -- districts help); add works
                        before any user exists (stop the node first, or use /api/organisation)`,
  usage: DISTRICTS_USAGE,
  parse: (args) => parseOrganisationArgs('districts', args, ['code', 'name']),
  needsNode: true,
  lockedFor: (args) =>
    args.sub === 'add'
      ? 'changing the organisation from its data directory (or use /api/organisation)'
      : undefined,
  run: (config, args, io) =>
    runOrganisation(
      config,
      args,
      io,
      (state) => [...state.districts.values()].map((d) => `${d.code}\t${d.country}\t${d.name}`),
      (options, node) => ({
        type: 'RegisterDistrict',
        code: options.code,
        name: options.name,
        country: node.country,
      }),
    ),
});
