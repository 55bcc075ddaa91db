import 'reflect-metadata';
import { verifyNodeLog } from '@nrm/application/audit/verify-node-log';
import { openNodeAdapters } from '@nrm/application/infrastructure/node-adapters';
import { readNodeConfig } from '@nrm/config/node-config';
import { rebuildProjections } from '@nrm/read-models';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { EVENT_STORE_FILE } from '@nrm/application/infrastructure/node-adapters';
import { readAllParsed } from '../raw-baseline';

/** What one measured step reports to the bench: its own time and memory, in a process of its own. */
export interface StepResult {
  events: number;
  seconds: number;
  /** Peak resident set of the whole process. */
  peakRssMiB: number;
  /** Resident set once a tenth of the events were done: a peak far above it would mean the log is held. */
  rssAtTenthMiB?: number;
  valid?: boolean;
  /** Signed checkpoints checked (verify). */
  checkpoints?: number;
}

export type Step = 'rebuild' | 'verify' | 'raw-read';

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

/** `node replay-child.js <step>` with NRM_DATA_DIR set: runs the step as the CLI would, prints JSON. */
async function main(step: Step): Promise<StepResult> {
  const config = readNodeConfig();
  if (step === 'raw-read') return rawRead(join(config.dataDir, EVENT_STORE_FILE));
  const adapters = await openNodeAdapters(config);
  try {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    if (step === 'verify') {
      const result = await verifyNodeLog(adapters, config.nodeId);
      const took = seconds();
      const { total: checkpoints } = await adapters.auditableLog.pageCheckpoints(0, 1);
      return { events: result.size, seconds: took, peakRssMiB: peakRss(), valid: result.valid, checkpoints };
    }
    let rssAtTenthMiB: number | undefined;
    const result = await rebuildProjections(adapters.eventStore, adapters.readModels, {
      onProgress: (done, total) => {
        if (rssAtTenthMiB === undefined && done >= total / 10 && total > 0)
          rssAtTenthMiB = mib(process.memoryUsage().rss);
      },
    });
    return { events: result.events, seconds: seconds(), peakRssMiB: peakRss(), rssAtTenthMiB };
  } finally {
    await adapters.close();
  }
}

/** The floor: read every row of the log in position order and parse its JSON columns, nothing else. */
function rawRead(file: string): StepResult {
  const db = new Database(file, { readonly: true });
  try {
    const started = process.hrtime.bigint();
    const events = readAllParsed(db);
    return { events, seconds: Number(process.hrtime.bigint() - started) / 1e9, peakRssMiB: peakRss() };
  } finally {
    db.close();
  }
}

const peakRss = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (require.main === module) {
  main(process.argv[2] as Step)
    .then((result) => process.stdout.write(JSON.stringify(result) + '\n'))
    .catch((error: Error) => {
      process.stderr.write(`${error.stack}\n`);
      process.exit(1);
    });
}
