import { describeIfServer } from '@nrm/common/testing';
import { SqliteEventStore } from '@nrm/event-store';
import { logLevel } from 'kafkajs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteSharedLogTopics, describeSharedLogContract, uniqueTestTopics } from '../testing';
import { openKafkaSharedLog } from './kafka-shared-log';

describeIfServer('KAFKA_BROKERS', 'Kafka shared log', (brokers) => {
  describeSharedLogContract('Kafka (kafkajs, CloudEvents binary mode)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kafka-shared-log-'));
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const log = await openKafkaSharedLog({ brokers, logLevel: logLevel.NOTHING, ...uniqueTestTopics() });
    return {
      store,
      publisher: log.publisher,
      consumer: log.consumer,
      dispose: async () => {
        await log.close();
        await deleteSharedLogTopics(log.kafka, log.topics);
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});
