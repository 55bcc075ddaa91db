import { SqliteEventStore } from '@nrm/event-store';
import { join } from 'node:path';
import type { Acknowledged } from './command-mix';
import { commandMix } from './command-mix';
import { drive } from './drive';
import type { OperatorTokens } from './accounts';
import type { ServerProcess } from './node-under-test';

export interface KillRunResult {
  kills: number;
  acknowledged: number;
  lost: number;
  seconds: number;
}

const KILLS = 3;

/**
 * Load at 32 clients while the node is SIGKILLed three times (each time a further `every` commands have
 * been acknowledged, so the kills land mid-load whatever the machine's speed) and restarted on the same
 * data. Then every acknowledged command is looked up in the event log itself: none may be missing.
 */
export async function killRun(
  node: ServerProcess,
  dataDir: string,
  tokens: OperatorTokens,
  every: number,
  log: (line: string) => void,
): Promise<KillRunResult> {
  const acknowledged: Acknowledged[] = [];
  let kills = 0;
  let restarting: Promise<void> | undefined;
  // A node that does not come back ends the run (and fails it) instead of crashing the benchmark.
  let failure: Error | undefined;
  let finished!: () => void;
  const allKilled = new Promise<void>((resolve) => (finished = resolve));
  const crash = async () => {
    kills++;
    log(`  SIGKILL ${kills} of ${KILLS} after ${acknowledged.length} acknowledged commands`);
    await node.kill();
    await node.start();
    if (kills === KILLS) finished();
  };
  const requests = commandMix(
    tokens,
    (ack) => {
      acknowledged.push(ack);
      if (!restarting && kills < KILLS && acknowledged.length >= (kills + 1) * every) {
        restarting = crash()
          .catch((error: Error) => {
            failure = error;
            finished();
          })
          .finally(() => (restarting = undefined));
      }
    },
    () => undefined,
  );
  const started = Date.now();
  // Bounded: a node that never comes back (or never acknowledges again) ends the run with fewer kills.
  await drive(node.baseUrl, requests, 32, 180, undefined, (instance) => {
    // After the third restart, a little more load on the restarted node, then stop.
    void allKilled.then(() => setTimeout(() => instance.stop(), failure ? 0 : 3000));
  });
  const seconds = (Date.now() - started) / 1000;
  await node.stop();
  if (failure) throw failure;
  const store = SqliteEventStore.open({ file: join(dataDir, 'events.sqlite'), writer: 'inline' });
  try {
    let lost = 0;
    for (const ack of acknowledged) {
      const stream = await store.readStream(`case-${ack.caseId}`, { fromRevision: ack.revision });
      if (!stream.some((event) => event.revision === ack.revision)) lost++;
    }
    return { kills, acknowledged: acknowledged.length, lost, seconds };
  } finally {
    await store.close();
  }
}
