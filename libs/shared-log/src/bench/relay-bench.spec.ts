import { describeIfServer } from '@nrm/common/testing';
import { benchRelay } from './relay-bench';

// Checks the benchmark runs and reports sane figures; the figures themselves belong to `npm run bench`.
describeIfServer('KAFKA_BROKERS', 'relay benchmark', (brokers) => {
  it('measures relay and raw producer throughput and append-to-consumer latency', async () => {
    const result = await benchRelay({ brokers, events: 500, batchSize: 100, latencySamples: 10 });
    for (const value of Object.values(result)) {
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeGreaterThan(0);
    }
    expect(result.latencyP99Ms).toBeGreaterThanOrEqual(result.latencyP50Ms);
  }, 120_000);
});
