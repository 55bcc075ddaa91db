import { describeIfServer } from '@nrm/common/testing';
import { sampleEvent, waitUntil } from '@nrm/event-store/testing';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { assertExactlyOnceInOrder, openRelayFixture, RelayFixture } from '../testing';

const REPO = resolve(__dirname, '../../../..');

/** Restarts the shared broker: runs alone (see tools/test-all.js), never beside other Kafka suites. */
describeIfServer('KAFKA_BROKERS', 'shared log relay when the broker restarts', (brokers) => {
  let fixture: RelayFixture;

  beforeEach(async () => {
    fixture = await openRelayFixture(brokers);
  });
  afterEach(async () => {
    await fixture.dispose();
  });

  it('FAULT: loses nothing and duplicates nothing (after dedup) when the broker restarts under a writer', async () => {
    const streams = Array.from({ length: 6 }, () => `case-${randomUUID()}`);
    const consumer = await fixture.follow();
    const publishErrors: Error[] = [];
    const { relay } = fixture.newRelay({
      batchSize: 20,
      pollIntervalMs: 100,
      backoff: { initialMs: 200, maxMs: 2000 },
      onPublishError: (e) => publishErrors.push(e),
    });
    await relay.start();

    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await fixture.store.append(
          streams[written % streams.length],
          [sampleEvent({ type: written % 2 ? 'ConsentGiven' : 'NeedsAssessed' })],
          'any',
        );
        written++;
        await new Promise((r) => setTimeout(r, 10));
      }
    })();

    await waitUntil(() => consumer.handled.length >= 20, 'events flow before the restart', 60_000);
    // Async, not execFileSync: a blocked event loop would also stop the writer and the relay during the outage.
    await promisify(execFile)('npm', ['run', 'infra:restart', '--', 'kafka'], {
      cwd: REPO,
      timeout: 120_000,
    });
    const writtenAtRestart = written;
    await waitUntil(() => written >= writtenAtRestart + 50, 'the writer continues after the restart', 60_000);
    writing = false;
    await writer;

    const head = await fixture.store.headPosition();
    await relay.waitForCheckpoint(head, 120_000);
    const stored = await fixture.store.readAll({ limit: 100_000 });
    await waitUntil(
      () => consumer.handled.length >= stored.length,
      `${stored.length} events handled after the restart`,
      120_000,
    );

    assertExactlyOnceInOrder(
      consumer.handled,
      stored.map((e) => e.id),
      (e) => fixture.log.topics.topicForEvent(e),
    );
    process.stderr.write(
      `fault test: ${stored.length} events, ${publishErrors.length} failed sends retried, ${consumer.raw.length - consumer.handled.length} redeliveries dropped, consumer errors: ${consumer.errors.length}\n`,
    );
  }, 300_000);
});
