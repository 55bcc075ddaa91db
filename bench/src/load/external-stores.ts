/**
 * The second node of bench:load: the same process with Kafka as its shared log (the relay copies every
 * committed event there) and MongoDB for its read models, its event store still the embedded SQLite.
 * Each run gets names no other run or engineer shares, so that it can measure from empty and drop
 * everything afterwards.
 */

export interface ExternalStoresRun {
  brokers: string;
  /** MONGO_URL as given, with this run's database in place of its path. */
  mongoUrl: string;
  database: string;
  /** NRM_KAFKA_TOPIC_PREFIX: the node's topics are `<prefix>.<country>.<context>` and `<prefix>.trm.*`. */
  topicPrefix: string;
  /** What the node is started with, on top of the embedded node's environment. */
  env: Record<string, string>;
}

/** MONGO_URL with `database` as its path; credentials, hosts and options (?authSource=...) kept. */
export function withDatabase(mongoUrl: string, database: string): string {
  const url = new URL(mongoUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Names for one run: the database after the one MONGO_URL names (nrm_load → nrm_load_<run>), the topic
 * prefix `load-<run>` (topic segments take a-z, 0-9 and - only).
 */
export function externalStoresRun(brokers: string, mongoUrl: string, runId: string): ExternalStoresRun {
  const run = runId.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (run === '') throw new Error(`run id "${runId}" has no letter or digit`);
  const given = new URL(mongoUrl).pathname.replace(/^\//, '').replace(/[^A-Za-z0-9_]/g, '_');
  const database = `${given || 'nrm_load'}_${run}`;
  const topicPrefix = `load-${run}`;
  const url = withDatabase(mongoUrl, database);
  return {
    brokers,
    mongoUrl: url,
    database,
    topicPrefix,
    env: { KAFKA_BROKERS: brokers, MONGO_URL: url, NRM_KAFKA_TOPIC_PREFIX: topicPrefix },
  };
}

/** What the stores held after the load: the evidence that the node used them. */
export interface ExternalStoresSeen {
  /** The node's Kafka topics (under the run's prefix) and the messages in them. */
  kafkaTopics: number;
  kafkaMessages: number;
  /** Head of the node's own event log (the SQLite file) once it stopped: every event should be in Kafka. */
  logHead: number;
  /** Documents in MongoDB's case_detail collection, and the cases in the node's log. */
  caseDocuments: number;
  casesInLog: number;
  /** Position of the lowest MongoDB projection checkpoint. */
  projectedTo: number;
  /** What answered at MONGO_URL (wireServerName). */
  server: string;
}

/** The server behind MONGO_URL from its buildInfo: FerretDB answers as a MongoDB version and names itself apart. */
export function wireServerName(buildInfo: { version?: string; ferretdbVersion?: string }): string {
  if (buildInfo.ferretdbVersion)
    return `FerretDB ${buildInfo.ferretdbVersion}, a MongoDB wire-protocol server`;
  return `MongoDB ${buildInfo.version ?? '(unknown version)'}`;
}

const count = (n: number) => n.toLocaleString('en-US');

/** One sentence for the report: what reached Kafka and MongoDB, and whether it is all of it. */
export function describeExternalStores(run: ExternalStoresRun, seen: ExternalStoresSeen): string {
  const kafka =
    seen.kafkaMessages === seen.logHead
      ? `all ${count(seen.logHead)} events of the node's log`
      : `${count(seen.kafkaMessages)} messages for the ${count(seen.logHead)} events of the node's log` +
        (seen.kafkaMessages < seen.logHead
          ? ' (the relay had not caught up when the node stopped; it resumes from its checkpoint)'
          : ' (a resent batch after a failed send: consumers drop the copies by event id)');
  const cases =
    seen.caseDocuments === seen.casesInLog
      ? `one case document for each of the ${count(seen.casesInLog)} cases in the log`
      : `${count(seen.caseDocuments)} case documents for the ${count(seen.casesInLog)} cases in the log`;
  const projected =
    seen.projectedTo === seen.logHead
      ? "its projections at the log's head"
      : `its projections only at position ${count(seen.projectedTo)} of ${count(seen.logHead)} when the ` +
        'node stopped: they fell behind the commands, which then waited out the read-your-writes timeout ' +
        '(5 s) and were answered before their read models had them';
  return (
    'The Kafka + MongoDB node is the same process started with KAFKA_BROKERS (its relay copies every ' +
    `committed event to Kafka, behind the answers) and MONGO_URL (its read models, here in ${seen.server}); ` +
    "its event store stays the embedded SQLite file, and its peak RSS is the node's alone. Its “of raw” is " +
    'taken against the raw MongoDB baseline: Fastify and the MongoDB driver doing one insert per request into ' +
    `the same server. It used them: its ${seen.kafkaTopics} Kafka topics \`${run.topicPrefix}.*\` held ` +
    `${kafka}; MongoDB database \`${run.database}\` held ${cases}, ${projected}.`
  );
}

/** The report's line when the second node was not started. */
export const EXTERNAL_STORES_NOT_MEASURED =
  'node, Kafka + MongoDB: not measured in this run (set KAFKA_BROKERS and MONGO_URL, e.g. ' +
  '`KAFKA_BROKERS=127.0.0.1:9092 MONGO_URL=mongodb://127.0.0.1:27017/nrm_load npm run bench:load` ' +
  'after `npm run infra:up`).';

/** The kill run on the Kafka + MongoDB node, and what its stores held once it had recovered. */
export function describeExternalKillRun(
  kill: { kills: number; acknowledged: number; lost: number; seconds: number },
  recovered: ExternalStoresSeen,
  catchUpSeconds: number,
): string {
  const caughtUp =
    recovered.projectedTo >= recovered.logHead
      ? `its projections reached the log's head (${count(recovered.logHead)}) in ${catchUpSeconds.toFixed(0)} s`
      : `its projections reached only position ${count(recovered.projectedTo)} of ${count(recovered.logHead)} ` +
        `in ${catchUpSeconds.toFixed(0)} s`;
  const kafka =
    recovered.kafkaMessages >= recovered.logHead
      ? `Kafka held ${count(recovered.kafkaMessages)} messages for its ${count(recovered.logHead)} events` +
        (recovered.kafkaMessages > recovered.logHead
          ? ' (batches resent after a kill: consumers drop the copies by event id)'
          : '')
      : `Kafka held only ${count(recovered.kafkaMessages)} messages for its ${count(recovered.logHead)} events`;
  return (
    `Kill run on the Kafka + MongoDB node: SIGKILLed ${kill.kills} times under load at 32 clients ` +
    `(${kill.seconds.toFixed(0)} s); ${kill.acknowledged} commands were acknowledged, ` +
    `${kill.lost === 0 ? 'none was lost' : `${kill.lost} were LOST`}. Restarted once more on the same data, ` +
    `${caughtUp}; MongoDB held ${count(recovered.caseDocuments)} case documents for the ` +
    `${count(recovered.casesInLog)} cases in the log, and ${kafka}.`
  );
}
