import { describeIfServer } from '@nrm/common/testing';
import { createKafka } from '@nrm/shared-log/kafka/kafka-client';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logLevel, type Kafka } from 'kafkajs';
import {
  describePartnerTransportContract,
  eventually,
  plainTestEnvelope,
  plainTestPartner,
  RecordingInbox,
} from '../testing/partner-transport.contract';
import type { Partner } from '../registry/partner';
import { KafkaPartnerTransport, KafkaPartnerTransportOptions } from './kafka-partner-transport';
import type { Delivery, InboxHandler } from './partner-transport.port';

const FAST = { initialMs: 10, maxMs: 100 };
const NOT_RECEIVING: InboxHandler = async () => ({
  outcome: 'unavailable',
  reason: 'A receives nothing here',
});

/** Deletes every topic and consumer group under `prefix` (what a test run created). */
async function deleteUnderPrefix(kafka: Kafka, prefix: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${prefix}.`));
    if (topics.length) await admin.deleteTopics({ topics });
    const groups = (await admin.listGroups()).groups
      .map((g) => g.groupId)
      .filter((g) => g.startsWith(`${prefix}.`));
    if (groups.length) await admin.deleteGroups(groups).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

describeIfServer('KAFKA_BROKERS', 'Kafka partner transport', (brokers) => {
  // Created in beforeAll: jest collects a skipped describe's body too, where there is no broker.
  let kafka: ReturnType<typeof createKafka>;
  beforeAll(() => {
    kafka = createKafka({ brokers, clientId: 'nrm-trm-test', logLevel: logLevel.NOTHING });
  });

  /** Two nodes on their own topic prefix, each with its outbox file. */
  const nodes = (prefix: string, dir: string) => {
    const partnerA = plainTestPartner('node-a');
    const partnerB = plainTestPartner('node-b');
    const common = {
      kafka,
      topicPrefix: prefix,
      replicationFactor: 1,
      backoff: FAST,
      unavailableBackoff: FAST,
      joinTimeoutMs: 30_000,
    };
    let unlisted = false;
    const optionsA: KafkaPartnerTransportOptions = {
      ...common,
      nodeId: partnerA.nodeId,
      outboxFile: join(dir, 'a', 'outbox.sqlite'),
      resolvePartner: (nodeId) => (nodeId === partnerB.nodeId && !unlisted ? partnerB : undefined),
      // A reads nothing in these tests: no consumer to join.
      listPartners: () => [],
    };
    const optionsB: KafkaPartnerTransportOptions = {
      ...common,
      nodeId: partnerB.nodeId,
      outboxFile: join(dir, 'b', 'outbox.sqlite'),
      resolvePartner: (nodeId) => (nodeId === partnerA.nodeId ? partnerA : undefined),
      listPartners: () => [partnerA],
    };
    return {
      partnerA,
      partnerB,
      optionsA,
      optionsB,
      setUnlisted: (value: boolean) => void (unlisted = value),
    };
  };
  const newPrefix = () => `nrmtest-${randomBytes(5).toString('hex')}`;

  describePartnerTransportContract(
    'Kafka (topic per pair, structured CloudEvents)',
    async ({ inboxB, onDeliveredA }) => {
      const prefix = newPrefix();
      const dir = mkdtempSync(join(tmpdir(), 'kafka-partner-transport-'));
      const { partnerB, optionsA, optionsB, setUnlisted } = nodes(prefix, dir);
      const openA = async () => {
        const a = new KafkaPartnerTransport(optionsA);
        await a.start(NOT_RECEIVING, onDeliveredA);
        return a;
      };
      const openB = async () => {
        const b = new KafkaPartnerTransport(optionsB);
        await b.start(inboxB);
        return b;
      };
      let b: KafkaPartnerTransport | undefined = await openB();
      const pair = {
        a: await openA(),
        nodeIdA: optionsA.nodeId,
        partnerB,
        takeBOffline: async () => {
          await b?.close();
          b = undefined;
        },
        bringBOnline: async () => void (b = await openB()),
        settleWhileBOffline: (count: number) =>
          eventually(
            async () => Object.keys(await pair.a.pending()).length === 0,
            `A published the ${count} messages for offline B`,
          ),
        restartA: async () => {
          await pair.a.close();
          pair.a = await openA();
          return pair.a;
        },
        setBUnlisted: setUnlisted,
        dispose: async () => {
          await pair.a.close();
          await b?.close();
          await deleteUnderPrefix(kafka, prefix);
          rmSync(dir, { recursive: true, force: true });
        },
      };
      return pair;
    },
    { deliveryVerdicts: 'published' },
  );

  describe('wire format and topic binding', () => {
    let prefix: string;
    let dir: string;
    const open: KafkaPartnerTransport[] = [];

    beforeEach(() => {
      prefix = newPrefix();
      dir = mkdtempSync(join(tmpdir(), 'kafka-partner-transport-'));
    });
    afterEach(async () => {
      await Promise.all(open.splice(0).map((t) => t.close()));
      await deleteUnderPrefix(kafka, prefix);
      rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    it('writes one single-partition topic per pair: key = subject, value = the envelope, structured mode', async () => {
      const { partnerB, optionsA } = nodes(prefix, dir);
      const a = new KafkaPartnerTransport(optionsA);
      open.push(a);
      const deliveries: Delivery[] = [];
      await a.start(NOT_RECEIVING, (d) => void deliveries.push(d));
      const message = plainTestEnvelope('node-a', 'node-b', 'case-7');
      await a.send(partnerB, message);
      await eventually(() => deliveries.length === 1, 'the message was published');

      const topic = `${prefix}.trm.node-a.node-b`;
      const admin = kafka.admin();
      await admin.connect();
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] }).finally(() => admin.disconnect());
      expect(metadata.topics[0].partitions).toHaveLength(1);

      const reader = kafka.consumer({ groupId: `${prefix}.reader`, maxWaitTimeInMs: 500 });
      const seen: { key?: string; value?: unknown; contentType?: string }[] = [];
      await reader.connect();
      try {
        await reader.subscribe({ topics: [topic], fromBeginning: true });
        await reader.run({
          eachMessage: async ({ message: m }) =>
            void seen.push({
              key: m.key?.toString(),
              value: JSON.parse(m.value?.toString() ?? 'null'),
              contentType: m.headers?.['content-type']?.toString(),
            }),
        });
        await eventually(() => seen.length === 1, 'the raw message was read', 30_000);
      } finally {
        await reader.disconnect();
      }
      expect(seen).toEqual([{ key: 'case-7', value: message, contentType: 'application/cloudevents+json' }]);
    }, 60_000);

    it('never hands the inbox a message that names another sender than its topic, and goes on after it', async () => {
      const { optionsB } = nodes(prefix, dir);
      const inbox = new RecordingInbox();
      const errors: Error[] = [];
      const b = new KafkaPartnerTransport({ ...optionsB, onError: (e) => void errors.push(e) });
      open.push(b);
      await b.start(inbox.handler);

      const forged = plainTestEnvelope('node-c', 'node-b', 'case-1');
      const genuine = plainTestEnvelope('node-a', 'node-b', 'case-1');
      const producer = kafka.producer();
      await producer.connect();
      try {
        await producer.send({
          topic: `${prefix}.trm.node-a.node-b`,
          messages: [forged, genuine].map((e) => ({ key: e.subject, value: JSON.stringify(e) })),
        });
      } finally {
        await producer.disconnect();
      }
      await eventually(() => inbox.accepted.length === 1, 'the genuine message was accepted', 30_000);
      expect(inbox.calls).toEqual([genuine.id]);
      expect(errors.map((e) => e.message).join('\n')).toMatch(/another sender/);
    }, 60_000);

    it('reads a partner added at runtime once told to refresh', async () => {
      const partners: Partner[] = [];
      const { optionsA, optionsB } = nodes(prefix, dir);
      const inbox = new RecordingInbox();
      const b = new KafkaPartnerTransport({ ...optionsB, listPartners: () => partners });
      open.push(b);
      await b.start(inbox.handler);
      const partnerB = plainTestPartner('node-b');
      const a = new KafkaPartnerTransport({ ...optionsA, resolvePartner: () => partnerB });
      open.push(a);
      await a.start(NOT_RECEIVING);
      const message = plainTestEnvelope('node-a', 'node-b', 'case-1');
      await a.send(partnerB, message);
      await eventually(async () => Object.keys(await a.pending()).length === 0, 'A published');
      partners.push(plainTestPartner('node-a'));
      await b.refreshPartners();
      await eventually(() => inbox.accepted.length === 1, 'B read the new partner’s topic', 30_000);
      expect(inbox.accepted).toEqual([message.id]);
    }, 60_000);
  });
});
