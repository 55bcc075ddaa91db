/**
 * Child process of crash-during-append.spec.ts: appends batches of events as fast as it can, several at
 * once, and prints the number of every batch whose append returned (committed), until it is killed.
 * Usage: node --require tools/swc-register.js crash-writer.child.ts <db file> <key dir> <run id>
 */
import { loadOrCreateNodeSigningKey } from '../integrity/node-signing-key';
import { sampleEvent } from '../testing/sample-events';
import { SqliteEventStore } from './sqlite-event-store';

export const CRASH_BATCH_SIZE = 500;
export const CRASH_STREAMS = 5;
export const CRASH_IN_FLIGHT = 4;

async function main(): Promise<void> {
  const [file, keyDir, run] = process.argv.slice(2);
  const store = SqliteEventStore.open({
    file,
    signer: loadOrCreateNodeSigningKey(keyDir),
    origin: 'node.crash',
  });
  // Several appends in flight at once, so that the writer commits them in shared transactions (group
  // commit): the durability promise must hold for every append of a batch.
  let next = 0;
  const writeForever = async (): Promise<void> => {
    for (;;) {
      const batch = next++;
      const events = Array.from({ length: CRASH_BATCH_SIZE }, (_, index) =>
        sampleEvent({ type: 'Crash.Written', data: { run, batch, index, padding: 'x'.repeat(200) } }),
      );
      await store.append(`crash-${batch % CRASH_STREAMS}`, events, 'any');
      process.stdout.write(`${batch}\n`);
    }
  };
  await Promise.all(Array.from({ length: CRASH_IN_FLIGHT }, writeForever));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
