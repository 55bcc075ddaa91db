import { describeIfServer } from '@nrm/common/testing';
import { createKafka, SharedLogTopics } from '@nrm/shared-log';
import { deleteSharedLogTopics } from '@nrm/shared-log/testing';
import { randomBytes } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION } from '../support/node-harness';

describeIfServer('KAFKA_BROKERS', 'a node with KAFKA_BROKERS set', (brokers) => {
  jest.setTimeout(120_000);
  const prefix = `nrme2e${randomBytes(4).toString('hex')}`;
  const topics = new SharedLogTopics({ country: 'MD', topicPrefix: prefix });
  let node: NodeHarness;

  beforeAll(async () => {
    node = await NodeHarness.start({
      KAFKA_BROKERS: brokers,
      NRM_KAFKA_TOPIC_PREFIX: prefix,
      NRM_KAFKA_PARTITIONS: '2',
    });
    await node.withUsers(ALL_OPERATOR_ROLES);
  });
  afterAll(async () => {
    await node?.stop();
    await deleteSharedLogTopics(brokers, topics);
  });

  it('copies committed events to its topics as CloudEvents, keyed by case, personal data as ciphertext only', async () => {
    const { caseId } = (
      await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION })
    ).body;
    await node.request('POST', `/api/cases/${caseId}/risk-assessments`, {
      as: 'case_manager',
      body: { kind: 'general', level: 'low', notes: 'Vrabie is safe' },
    });

    const kafka = createKafka({ brokers });
    const consumer = kafka.consumer({ groupId: `${prefix}-check` });
    const seen: KafkaMessage[] = [];
    await consumer.connect();
    await consumer.subscribe({
      topics: [topics.topicOf('identification'), topics.topicOf('assistance')],
      fromBeginning: true,
    });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(message) });
    const deadline = Date.now() + 60_000;
    while (seen.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await consumer.disconnect();

    const header = (m: KafkaMessage, name: string) => m.headers?.[name]?.toString();
    expect(seen.map((m) => header(m, 'ce_type')).sort()).toEqual([
      'PresumedVictimRegistered',
      'ReflectionPeriodStarted',
      'RiskAssessed',
    ]);
    for (const message of seen) {
      expect(message.key?.toString()).toBe(`case-${caseId}`);
      expect(header(message, 'ce_specversion')).toBe('1.0');
      expect(header(message, 'ce_source')).toBe(`urn:nrm:node:${node.config.nodeId}`);
      expect(header(message, 'ce_subject')).toBe(`case-${caseId}`);
      const bytes = Buffer.concat([
        message.value ?? Buffer.alloc(0),
        ...Object.values(message.headers ?? {}).map((v) => Buffer.from(String(v))),
      ]);
      expect(bytes.includes('Vrabie')).toBe(false);
      expect(bytes.includes('Ileana')).toBe(false);
    }
  });
});
