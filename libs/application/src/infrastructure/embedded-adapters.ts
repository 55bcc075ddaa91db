import { Ed25519Signer, loadOrCreateNodeSigningKey, SqliteEventStore } from '@nrm/event-store';
import { KEY_STORE_FILE, loadMasterKey, SqliteKeyStore } from '@nrm/privacy';
import { READ_MODEL_FILE, SqliteReadModelStore } from '@nrm/read-models';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, NodeConfig } from '../config/node-config';

export const EVENT_STORE_FILE = 'events.sqlite';
export const ACCOUNTS_FILE = 'accounts.sqlite';
/** Held by the process that writes the read models (the node or the gateway, or a rebuild). */
export const PROJECTIONS_LOCK_FILE = 'projections.lock';

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
  chmodSync(config.dataDir, 0o700);
  // SQLite gives its -wal and -shm files the mode of the database file: create each one private.
  for (const file of [EVENT_STORE_FILE, KEY_STORE_FILE, READ_MODEL_FILE, ACCOUNTS_FILE]) {
    closeSync(openSync(join(config.dataDir, file), 'a', 0o600));
  }
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
