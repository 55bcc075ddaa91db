import { command } from './cli-command';
import {
  isAgencyKind,
  parseOrganisationArgs,
  runOrganisation,
  type OrganisationArgs,
} from './organisation-cli';

export const AGENCIES_USAGE = `usage:
  npm run cli -- agencies list
  npm run cli -- agencies add --code <code> --name <name> --kind <kind> --district <district code>
                              [--operator <admin username>]`;

/** The agencies of the referral mechanism: users belong to one, cases name them. */
export const agencies = command<OrganisationArgs>({
  words: ['agencies'],
  help: `agencies list | add
                        the agencies users belong to and cases name (npm run cli -- agencies help)`,
  usage: AGENCIES_USAGE,
  parse: (args) => parseOrganisationArgs('agencies', args, ['code', 'name', 'kind', 'district']),
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
        [...state.agencies.values()].map(
          (a) => `${a.code}\t${a.kind}\t${a.district}\t${a.active ? 'active' : 'deactivated'}\t${a.name}`,
        ),
      (options) => {
        if (!isAgencyKind(options.kind)) throw new Error('unreachable: the kind was checked by parse');
        return {
          type: 'RegisterAgency',
          code: options.code,
          name: options.name,
          kind: options.kind,
          district: options.district,
        };
      },
    ),
});
