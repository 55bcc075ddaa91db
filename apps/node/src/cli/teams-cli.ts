import { command } from './cli-command';
import { parseOrganisationArgs, runOrganisation, type OrganisationArgs } from './organisation-cli';

export const TEAMS_USAGE = `usage:
  npm run cli -- teams list
  npm run cli -- teams add --code <code> --district <district code> --name <name>
                           [--members <agency code>,<agency code>...] [--operator <admin username>]`;

/** The multidisciplinary team of each district, and its member agencies. */
export const teams = command<OrganisationArgs>({
  words: ['teams'],
  help: `teams list | add      the multidisciplinary teams of the districts (npm run cli -- teams help)`,
  usage: TEAMS_USAGE,
  parse: (args) => parseOrganisationArgs('teams', args, ['code', 'district', 'name'], ['members']),
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
      (state) =>
        [...state.teams.values()].map(
          (t) => `${t.code}\t${t.district}\t${t.members.join(',') || '-'}\t${t.name}`,
        ),
      (options) => ({
        type: 'FormTeam',
        code: options.code,
        district: options.district,
        name: options.name,
        members: (options.members ?? '')
          .split(',')
          .map((m) => m.trim())
          .filter(Boolean),
      }),
    ),
});
