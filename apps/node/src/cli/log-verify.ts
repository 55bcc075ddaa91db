import { verifyNodeLog } from '@nrm/application/audit/verify-node-log';
import { openNodeAdapters } from '@nrm/application/infrastructure/node-adapters';
import { command } from './cli-command';

export const logVerify = command({
  words: ['log', 'verify'],
  help: `log verify            recompute the Merkle log and check every signed checkpoint`,
  usage: 'usage: npm run cli -- log verify',
  needsNode: false,
  async run(config, _args, { out }) {
    const adapters = await openNodeAdapters(config);
    try {
      const result = await verifyNodeLog(adapters, config.nodeId);
      out.write(JSON.stringify(result, null, 2) + '\n');
      return result.valid ? 0 : 1;
    } finally {
      await adapters.close();
    }
  },
});
