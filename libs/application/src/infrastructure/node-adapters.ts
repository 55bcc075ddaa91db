import {
  AuditableLog,
  Ed25519Signer,
  EventStore,
  EventStoreDbEventStore,
  integrityReaderFor,
  loadOrCreateNodeSigningKey,
  SqliteEventStore,
} from '@nrm/event-store';
import { KEY_STORE_FILE, KeyStore, loadMasterKey, SqliteKeyStore } from '@nrm/privacy';
import { MongoReadModelStore, READ_MODEL_FILE, ReadModelStore, SqliteReadModelStore } from '@nrm/read-models';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { openKafkaSharedLog, SharedLogRelay, SqliteCheckpointStore } from '@nrm/shared-log';
import { NodeConfig } from '@nrm/config/node-config';
import { ACCOUNTS_FILE } from '@nrm/iam/stores/accounts-database';
import { loadOrCreateNodeEncryptionKey, NodeEncryptionKey } from '@nrm/transnational';

export const EVENT_STORE_FILE = 'events.sqlite';
/** Held by the process that writes the read models (the node or the gateway, or a rebuild). */
export const PROJECTIONS_LOCK_FILE = 'projections.lock';

/** A process that copies committed events elsewhere, from its own checkpoint. */
export interface BackgroundRelay {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The stores of a node, each behind its port, chosen by the environment (docs/topology.md). */
export interface NodeAdapters {
  signer: Ed25519Signer;
  /** The node's X25519 key: partner nodes seal cross-border payloads to its public half. */
  encryptionKey: NodeEncryptionKey;
  eventStore: EventStore;
  auditableLog: AuditableLog;
  /**
   * The store signs a checkpoint in the transaction of every append (embedded), so verification may
   * demand a signed head. EventStoreDB keeps no checkpoints yet: its log is verified by recomputation.
   */
  signsEveryAppend: boolean;
  keyStore: KeyStore;
  readModels: ReadModelStore;
  /** Copies the log to Kafka when KAFKA_BROKERS is set. */
  relay?: BackgroundRelay;
  /** Closes everything, the log last. */
  close(): Promise<void>;
}

/** The data directory holds secrets and databases: owner only, from the first file on. */
export function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  // SQLite gives its -wal and -shm files the mode of the database file: create each one private.
  for (const file of [
    EVENT_STORE_FILE,
    KEY_STORE_FILE,
    READ_MODEL_FILE,
    ACCOUNTS_FILE,
    RELAY_CHECKPOINT_FILE,
  ]) {
    closeSync(openSync(join(dataDir, file), 'a', 0o600));
  }
}

export async function openNodeAdapters(config: NodeConfig): Promise<NodeAdapters> {
  prepareDataDir(config.dataDir);
  const signer = loadOrCreateNodeSigningKey(config.dataDir);
  const encryptionKey = loadOrCreateNodeEncryptionKey(config.dataDir);
  const log = await openEventStore(config, signer);
  const keyStore = SqliteKeyStore.inDataDir(
    config.dataDir,
    loadMasterKey({ dataDir: config.dataDir, allowKeyFile: true }),
  );
  const readModels = config.mongoUrl
    ? await MongoReadModelStore.connect(config.mongoUrl, {
        dbName: mongoDbName(config),
        deadlinePolicy: config.deadlinePolicy,
      })
    : SqliteReadModelStore.inDataDir(config.dataDir, config.deadlinePolicy);
  const relay = config.kafkaBrokers ? await openKafkaRelay(config, log.eventStore) : undefined;
  return {
    signer,
    encryptionKey,
    ...log,
    keyStore,
    readModels,
    relay,
    close: async () => {
      await readModels.close();
      await keyStore.close();
      await log.eventStore.close();
    },
  };
}

async function openEventStore(
  config: NodeConfig,
  signer: Ed25519Signer,
): Promise<Pick<NodeAdapters, 'eventStore' | 'auditableLog' | 'signsEveryAppend'>> {
  if (config.eventStoreUrl) {
    const eventStore = await EventStoreDbEventStore.connect(config.eventStoreUrl);
    const auditableLog: AuditableLog = {
      ...integrityReaderFor(eventStore),
      listCheckpoints: async () => [],
      latestCheckpoint: async () => undefined,
      checkpointAt: async () => undefined,
      pageCheckpoints: async () => ({ items: [], total: 0 }),
    };
    return { eventStore, auditableLog, signsEveryAppend: false };
  }
  const eventStore = SqliteEventStore.open({
    file: join(config.dataDir, EVENT_STORE_FILE),
    signer,
    origin: config.nodeId,
  });
  return { eventStore, auditableLog: eventStore, signsEveryAppend: true };
}

export const RELAY_CHECKPOINT_FILE = 'relay.sqlite';

/** KAFKA_BROKERS: a relay copies every committed event to the node's topics, from its own checkpoint. */
async function openKafkaRelay(config: NodeConfig, eventStore: EventStore): Promise<BackgroundRelay> {
  const logger = new Logger('kafka-relay');
  const kafka = await openKafkaSharedLog({
    brokers: config.kafkaBrokers ?? '',
    clientId: config.nodeId,
    country: config.country,
    topicPrefix: config.kafkaTopicPrefix,
    partitions: config.kafkaPartitions,
  });
  if (kafka.createdTopics.length) logger.log({ msg: 'created topics', topics: kafka.createdTopics });
  const checkpoints = SqliteCheckpointStore.open(join(config.dataDir, RELAY_CHECKPOINT_FILE));
  const relay = new SharedLogRelay({
    store: eventStore,
    publisher: kafka.publisher,
    checkpoints,
    onPublishError: (error, attempt) =>
      logger.warn({ msg: 'send to Kafka failed, retrying', attempt, error: error.message }),
    onStoreError: (error) =>
      logger.warn({ msg: 'relay could not read the log or save its checkpoint', error: error.message }),
  });
  return {
    start: () => relay.start(),
    stop: async () => {
      await relay.stop();
      await kafka.close();
      await checkpoints.close();
    },
  };
}

/** The database named in MONGO_URL, else one per node: `nrm_<node id>`. */
export function mongoDbName(config: NodeConfig): string | undefined {
  const path = new URL(config.mongoUrl ?? '').pathname.replace(/^\//, '');
  return path ? undefined : `nrm_${config.nodeId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
