import type { StoredEvent } from '@nrm/event-store/port';
import type { Admin, ITopicConfig } from 'kafkajs';
import { channelOf, SHARED_LOG_CHANNELS, SharedLogChannel } from '../port/channel';

export interface SharedLogTopicsOptions {
  /** The node's country (ISO 3166-1 alpha-2, any case); lower-cased into the topic names. */
  country: string;
  /** First segment of every topic name. Default `nrm`; tests use their own to stay apart. */
  topicPrefix?: string;
  /**
   * Default 6. Order is only kept per key (= per stream) within a partition, so partitions set how many
   * consumers of one group can share a topic; 6 divides evenly among 1, 2, 3 or 6 of them. Raising it
   * later moves streams to other partitions (breaking their order across the change): choose it up front.
   */
  partitions?: number;
  /** Default: the broker's `default.replication.factor` (3 in production, 1 on the local single broker). */
  replicationFactor?: number;
  /** Default: the broker's `min.insync.replicas` (2 in production with acks=all, so one lost broker loses nothing). */
  minInsyncReplicas?: number;
}

export const DEFAULT_TOPIC_PREFIX = 'nrm';
export const DEFAULT_PARTITIONS = 6;

const LEGAL_TOPIC_SEGMENT = /^[a-z0-9-]+$/;

/** Names of the node's topics: `<prefix>.<country>.<context>` and `<prefix>.<country>.node`. */
export class SharedLogTopics {
  readonly prefix: string;
  readonly country: string;

  constructor(private readonly options: SharedLogTopicsOptions) {
    this.prefix = options.topicPrefix ?? DEFAULT_TOPIC_PREFIX;
    this.country = options.country.toLowerCase();
    // Kafka allows [a-zA-Z0-9._-]; '.' separates our segments and '_' collides with '.' in Kafka's metric names.
    for (const [what, segment] of [
      ['topicPrefix', this.prefix],
      ['country', this.country],
    ]) {
      if (!LEGAL_TOPIC_SEGMENT.test(segment))
        throw new Error(`${what} "${segment}" may only hold a-z, 0-9 and -`);
    }
  }

  topicOf(channel: SharedLogChannel): string {
    return `${this.prefix}.${this.country}.${channel}`;
  }

  topicForEvent(event: Pick<StoredEvent, 'type'>): string {
    return this.topicOf(channelOf(event));
  }

  topicsOf(channels: readonly SharedLogChannel[] = SHARED_LOG_CHANNELS): string[] {
    return channels.map((channel) => this.topicOf(channel));
  }

  /**
   * The topic configuration. retention.ms=-1 with cleanup.policy=delete: the topics are a log of record
   * that partners and rebuilt projections replay from the beginning, not a cache of latest values —
   * time-based deletion would silently drop history a new consumer needs, and compaction would keep only
   * one event per stream (the key), destroying every stream. Erasure is crypto-shredding of the subject's
   * key, which reaches these copies too, so nothing personal forces deletion.
   */
  topicConfigs(): ITopicConfig[] {
    const partitions = this.options.partitions ?? DEFAULT_PARTITIONS;
    const configEntries = [
      { name: 'retention.ms', value: '-1' },
      { name: 'retention.bytes', value: '-1' },
      { name: 'cleanup.policy', value: 'delete' },
    ];
    if (this.options.minInsyncReplicas !== undefined)
      configEntries.push({ name: 'min.insync.replicas', value: String(this.options.minInsyncReplicas) });
    return this.topicsOf().map((topic) => ({
      topic,
      numPartitions: partitions,
      // -1: the broker's default.replication.factor.
      replicationFactor: this.options.replicationFactor ?? -1,
      configEntries,
    }));
  }
}

/** Creates the node's topics that are missing (at start-up); returns the names it created. */
export async function ensureSharedLogTopics(admin: Admin, topics: SharedLogTopics): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.topicConfigs().filter((config) => !existing.has(config.topic));
  if (missing.length === 0) return [];
  // Another node process may create them at the same moment: createTopics then reports them as existing.
  await admin.createTopics({ topics: missing, waitForLeaders: true });
  return missing.map((config) => config.topic);
}
