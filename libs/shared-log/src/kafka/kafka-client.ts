import { Kafka, logLevel as KafkaLogLevel, type KafkaConfig } from 'kafkajs';

export interface KafkaClientOptions {
  /** Comma-separated host:port list or array, e.g. KAFKA_BROKERS=127.0.0.1:9092. */
  brokers: string | string[];
  clientId?: string;
  /** kafkajs log level; default ERROR. */
  logLevel?: KafkaLogLevel;
  /** Anything else kafkajs takes (ssl, sasl, timeouts). */
  config?: Partial<KafkaConfig>;
}

export function parseBrokers(brokers: string | string[]): string[] {
  const list = (Array.isArray(brokers) ? brokers : brokers.split(',')).map((b) => b.trim()).filter(Boolean);
  if (list.length === 0) throw new Error('no Kafka broker given');
  return list;
}

export function createKafka(options: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId: options.clientId ?? 'nrm-shared-log',
    brokers: parseBrokers(options.brokers),
    logLevel: options.logLevel ?? KafkaLogLevel.ERROR,
    ...options.config,
  });
}
