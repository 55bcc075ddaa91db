import { openNodeAdapters } from '@nrm/application/infrastructure/node-adapters';
import { ProgressBar, rebuildProjections } from '@nrm/read-models';
import { command } from './cli-command';

export const projectionsRebuild = command({
  words: ['projections', 'rebuild'],
  help: `projections rebuild   drop the read models and rebuild them from the event log (stop the node first)`,
  usage: 'usage: npm run cli -- projections rebuild',
  needsNode: false,
  lockedFor: 'rebuilding',
  async run(config, _args, { out, err }) {
    const adapters = await openNodeAdapters(config);
    try {
      err.write(`rebuilding read models of ${config.dataDir}\n`);
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
    } finally {
      await adapters.close();
    }
  },
});
