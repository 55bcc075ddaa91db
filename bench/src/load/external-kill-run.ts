import { signInOperators } from './accounts';
import type { ExternalStoresRun, ExternalStoresSeen } from './external-stores';
import { eventLogFacts, kafkaHoldings, mongoHoldings, waitForKafkaToSettle } from './external-stores-probe';
import { killRun, type KillRunResult } from './kill-run';
import type { ServerProcess } from './node-under-test';

export interface ExternalKillRunResult {
  kill: KillRunResult;
  /** What Kafka and MongoDB held once the node, restarted after the kills, had caught up (or given up). */
  recovered: ExternalStoresSeen;
  /** How long the restarted node took for its projections to reach the log's head. */
  catchUpSeconds: number;
}

/**
 * The kill run on the Kafka + MongoDB node: acknowledged commands must all be in the log (as for the
 * embedded node), and after one more restart the projections (no transactions in MongoDB: position
 * guards) and the relay (from its checkpoint) must bring MongoDB and Kafka up to the whole log.
 */
export async function externalKillRun(
  run: ExternalStoresRun,
  dataDir: string,
  start: () => Promise<ServerProcess>,
  every: number,
  log: (line: string) => void,
  catchUpTimeoutMs = 180_000,
): Promise<ExternalKillRunResult> {
  const node = await start();
  const tokens = await signInOperators(node.baseUrl, 'DE', true);
  const kill = await killRun(node, dataDir, tokens, every, log);
  const facts = await eventLogFacts(dataDir);
  log(`  restarted once more: read models catching up to position ${facts.head}...`);
  const started = Date.now();
  await node.start();
  try {
    while (Date.now() - started < catchUpTimeoutMs) {
      if ((await mongoHoldings(run)).projectedTo >= facts.head) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    await waitForKafkaToSettle(run);
  } finally {
    await node.stop();
  }
  const catchUpSeconds = (Date.now() - started) / 1000;
  const [kafka, mongo] = await Promise.all([kafkaHoldings(run), mongoHoldings(run)]);
  return {
    kill,
    recovered: {
      kafkaTopics: kafka.topics,
      kafkaMessages: kafka.messages,
      logHead: facts.head,
      caseDocuments: mongo.cases,
      casesInLog: facts.cases,
      projectedTo: mongo.projectedTo,
      server: mongo.server,
    },
    catchUpSeconds,
  };
}
