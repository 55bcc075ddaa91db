import { createHash } from 'node:crypto';
import type { Admin, ITopicConfig } from 'kafkajs';

export interface PartnerTopicsOptions {
  /** First segment of every topic name. Default `nrm`; tests use their own to stay apart. */
  topicPrefix?: string;
  /** Default: the broker's `default.replication.factor`. */
  replicationFactor?: number;
  /** Default: the broker's `min.insync.replicas`. */
  minInsyncReplicas?: number;
  /**
   * Default -1 (kept until deleted): a message must still be there when a partner comes back from a long
   * outage. Values are sealed to the recipient, and the recipient records each receipt in its own log,
   * so a bounded retention (longer than any tolerated outage) is a valid choice too.
   */
  retentionMs?: number;
}

const LEGAL_SEGMENT = /^[a-z0-9-]+$/;
const MAX_PLAIN_SEGMENT = 60;

/**
 * A node id as one topic-name segment. Ids that are already lower-case letters, digits and '-' stay as
 * they are; anything else (upper case, '.', '_', other characters, great length) becomes its legal part
 * plus a hash of the whole id, so two different ids never share a topic. '.' separates segments, and
 * Kafka confuses '_' with '.' in metric names, so neither appears inside a segment.
 */
export function topicSegment(nodeId: string): string {
  if (nodeId.length === 0) throw new Error('node id must not be empty');
  if (LEGAL_SEGMENT.test(nodeId) && nodeId.length <= MAX_PLAIN_SEGMENT) return nodeId;
  const legal = nodeId
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 40);
  const hash = createHash('sha256').update(nodeId, 'utf8').digest('hex').slice(0, 16);
  return `${legal}-x${hash}`;
}

/** Topic names and configuration of the partner transport: one topic per (sender, recipient) pair. */
export class PartnerTopics {
  readonly prefix: string;

  constructor(private readonly options: PartnerTopicsOptions = {}) {
    this.prefix = options.topicPrefix ?? 'nrm';
    if (!LEGAL_SEGMENT.test(this.prefix))
      throw new Error(`topicPrefix "${this.prefix}" may only hold a-z, 0-9 and -`);
  }

  /** `<prefix>.trm.<sender>.<recipient>`. One partition: the recipient reads the pair's messages in order. */
  topic(senderNodeId: string, recipientNodeId: string): string {
    return `${this.prefix}.trm.${topicSegment(senderNodeId)}.${topicSegment(recipientNodeId)}`;
  }

  /** The sender segment of a pair topic, if `topic` is one addressed to `recipientNodeId`. */
  senderSegmentOf(topic: string, recipientNodeId: string): string | undefined {
    const head = `${this.prefix}.trm.`;
    const tail = `.${topicSegment(recipientNodeId)}`;
    if (!topic.startsWith(head) || !topic.endsWith(tail)) return undefined;
    return topic.slice(head.length, topic.length - tail.length);
  }

  /** The consumer group of one node: it alone reads the topics addressed to it. */
  groupId(nodeId: string): string {
    return `${this.prefix}.trm.${topicSegment(nodeId)}`;
  }

  config(topic: string): ITopicConfig {
    const configEntries = [
      { name: 'retention.ms', value: String(this.options.retentionMs ?? -1) },
      { name: 'retention.bytes', value: '-1' },
      { name: 'cleanup.policy', value: 'delete' },
    ];
    if (this.options.minInsyncReplicas !== undefined)
      configEntries.push({ name: 'min.insync.replicas', value: String(this.options.minInsyncReplicas) });
    return {
      topic,
      numPartitions: 1,
      replicationFactor: this.options.replicationFactor ?? -1,
      configEntries,
    };
  }
}

/** Creates those of `topics` that are missing; a topic another node creates meanwhile is fine. */
export async function ensurePartnerTopics(
  admin: Admin,
  partnerTopics: PartnerTopics,
  topics: string[],
): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
  if (missing.length === 0) return;
  await admin.createTopics({
    topics: missing.map((topic) => partnerTopics.config(topic)),
    waitForLeaders: true,
  });
}
