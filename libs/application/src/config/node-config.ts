import { resolve } from 'node:path';

/** Everything a node reads from its environment, validated once at start-up. */
export interface NodeConfig {
  port: number;
  host: string;
  dataDir: string;
  country: string;
  nodeId: string;
  reflectionPeriodDays: number;
  adminUsername: string;
  adminPassword?: string;
  /** Lifetime of access tokens, in seconds. */
  accessTokenTtlSeconds: number;
  /** Optional: otherwise the embedded default keeps a generated secret in the data directory. */
  jwtSecret?: string;
  eventStoreUrl?: string;
  kafkaBrokers?: string;
  /** First segment of the node's Kafka topic names (`<prefix>.<country>.<context>`). */
  kafkaTopicPrefix: string;
  kafkaPartitions: number;
  mongoUrl?: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const MIN_REFLECTION_DAYS = 30;

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function topicPrefix(value: string): string {
  if (!/^[a-z0-9][a-z0-9_-]{0,40}$/.test(value)) {
    throw new ConfigError(
      `NRM_KAFKA_TOPIC_PREFIX must be lower-case letters, digits, _ or -, got "${value}"`,
    );
  }
  return value;
}

export function readNodeConfig(env: NodeJS.ProcessEnv = process.env): NodeConfig {
  const country = (env.NRM_NODE_COUNTRY ?? 'MD').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country))
    throw new ConfigError(`NRM_NODE_COUNTRY must be an ISO 3166-1 alpha-2 code, got "${country}"`);
  const logLevel = (env.NRM_LOG_LEVEL ?? 'info') as NodeConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel))
    throw new ConfigError(`NRM_LOG_LEVEL must be debug, info, warn or error`);
  return {
    port: intFrom(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.NRM_DATA_DIR ?? './data'),
    country,
    nodeId: env.NRM_NODE_ID ?? `nrm-${country.toLowerCase()}`,
    // The Convention (Art. 13) sets at least 30 days; a national setting may only lengthen it.
    reflectionPeriodDays: intFrom(
      env,
      'NRM_REFLECTION_PERIOD_DAYS',
      MIN_REFLECTION_DAYS,
      MIN_REFLECTION_DAYS,
      3650,
    ),
    adminUsername: env.NRM_ADMIN_USERNAME || 'admin',
    adminPassword: env.NRM_ADMIN_PASSWORD || undefined,
    accessTokenTtlSeconds: intFrom(env, 'NRM_ACCESS_TOKEN_TTL_SECONDS', 3600, 60, 86400),
    jwtSecret: env.NRM_JWT_SECRET || undefined,
    eventStoreUrl: env.EVENTSTORE_URL || undefined,
    kafkaBrokers: env.KAFKA_BROKERS || undefined,
    kafkaTopicPrefix: topicPrefix(env.NRM_KAFKA_TOPIC_PREFIX ?? 'nrm'),
    kafkaPartitions: intFrom(env, 'NRM_KAFKA_PARTITIONS', 6, 1, 1000),
    mongoUrl: env.MONGO_URL || undefined,
    logLevel,
  };
}

export const NODE_CONFIG = Symbol('NODE_CONFIG');
