/**
 * Child process of crash-during-append.spec.ts: appends batches of events as fast as it can and
 * prints the number of every batch whose append returned (committed), until it is killed.
 * Usage: node --require tools/swc-register.js crash-writer.child.ts <db file> <key dir> <run id>
 */
import { loadOrCreateNodeSigningKey } from '../integrity/node-signing-key';
import { sampleEvent } from '../testing/sample-events';
import { SqliteEventStore } from './sqlite-event-store';

export const CRASH_BATCH_SIZE = 500;
export const CRASH_STREAMS = 5;

async function main(): Promise<void> {
  const [file, keyDir, run] = process.argv.slice(2);
  const store = SqliteEventStore.open({
    file,
    signer: loadOrCreateNodeSigningKey(keyDir),
    origin: 'node.crash',
  });
  for (let batch = 0; ; batch++) {
    const events = Array.from({ length: CRASH_BATCH_SIZE }, (_, index) =>
      sampleEvent({ type: 'Crash.Written', data: { run, batch, index, padding: 'x'.repeat(200) } }),
    );
    await store.append(`crash-${batch % CRASH_STREAMS}`, events, 'any');
    process.stdout.write(`${batch}\n`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
