import { Ed25519Signer, loadOrCreateNodeSigningKey, SqliteEventStore } from '@nrm/event-store';
import { loadMasterKey, SqliteKeyStore } from '@nrm/privacy';
import { SqliteReadModelStore } from '@nrm/read-models';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, NodeConfig } from '../config/node-config';

export const EVENT_STORE_FILE = 'events.sqlite';

/** The embedded default: every store a file in the data directory, no server to run. */
export interface EmbeddedAdapters {
  signer: Ed25519Signer;
  eventStore: SqliteEventStore;
  keyStore: SqliteKeyStore;
  readModels: SqliteReadModelStore;
}

export function openEmbeddedAdapters(config: NodeConfig): EmbeddedAdapters {
  for (const [name, value] of [
    ['EVENTSTORE_URL', config.eventStoreUrl],
    ['KAFKA_BROKERS', config.kafkaBrokers],
    ['MONGO_URL', config.mongoUrl],
  ] as const) {
    // Refuse rather than silently run on the embedded stores when a production adapter was asked for.
    if (value)
      throw new ConfigError(
        `${name} is set, but this build has no adapter for it yet: unset it to run embedded`,
      );
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const signer = loadOrCreateNodeSigningKey(config.dataDir);
  const eventStore = SqliteEventStore.open({
    file: join(config.dataDir, EVENT_STORE_FILE),
    signer,
    origin: config.nodeId,
  });
  const keyStore = SqliteKeyStore.inDataDir(
    config.dataDir,
    loadMasterKey({ dataDir: config.dataDir, allowKeyFile: true }),
  );
  const readModels = SqliteReadModelStore.inDataDir(config.dataDir);
  return { signer, eventStore, keyStore, readModels };
}
