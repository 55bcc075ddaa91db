import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, plainTestEnvelope } from '../testing/partner-transport.contract';
import { AttemptResult, OutboxDispatcher, OutboxDispatcherOptions } from './outbox-dispatcher';
import type { Delivery } from './partner-transport.port';
import { OutboxMessage, SqliteOutbox } from './sqlite-outbox';

/** A recipient-side script: per message id, the answers of its successive attempts (then accepted). */
type Script = Record<string, AttemptResult[]>;

describe('Outbox dispatcher', () => {
  let dir: string;
  let outbox: SqliteOutbox;
  let dispatcher: OutboxDispatcher | undefined;
  let attempts: string[];
  let deliveries: Delivery[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'outbox-dispatcher-'));
    outbox = SqliteOutbox.open(join(dir, 'outbox.sqlite'));
    attempts = [];
    deliveries = [];
  });
  afterEach(async () => {
    await dispatcher?.stop();
    dispatcher = undefined;
    outbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = (script: Script, options: OutboxDispatcherOptions = {}) => {
    dispatcher = new OutboxDispatcher(
      outbox,
      async (message: OutboxMessage) => {
        attempts.push(message.messageId);
        return script[message.messageId]?.shift() ?? { final: { outcome: 'accepted' } };
      },
      { backoff: { initialMs: 5, maxMs: 40 }, onDelivered: (d) => void deliveries.push(d), ...options },
    );
    dispatcher.start();
    return dispatcher;
  };
  const queue = (recipient: string, count: number) =>
    Array.from({ length: count }, (_, i) => {
      const envelope = plainTestEnvelope('node-a', recipient, `case-${i}`);
      outbox.enqueue(recipient, envelope);
      return envelope.id;
    });
  const delivered = (count: number) => eventually(() => deliveries.length >= count, `${count} deliveries`);

  it('attempts the next message to a recipient only after the previous got a final verdict', async () => {
    const [m1, m2, m3] = queue('node-b', 3);
    start({
      [m1]: [{ retry: 'down' }, { retry: 'down' }],
      [m2]: [{ final: { outcome: 'rejected', reason: 'no' } }],
    });
    await delivered(3);
    expect(attempts).toEqual([m1, m1, m1, m2, m3]);
    expect(deliveries.map((d) => [d.envelope.id, d.verdict.outcome, d.attempts])).toEqual([
      [m1, 'accepted', 3],
      [m2, 'rejected', 1],
      [m3, 'accepted', 1],
    ]);
    expect(outbox.pending()).toEqual({});
    expect(outbox.outcomeOf(m2)).toBe('rejected');
  });

  it('does not let a recipient that is down hold up another one', async () => {
    const [down] = queue('node-b', 1);
    const others = queue('node-c', 3);
    start({ [down]: Array.from({ length: 1000 }, () => ({ retry: 'ECONNREFUSED' })) });
    await eventually(
      () => others.every((id) => deliveries.some((d) => d.envelope.id === id)),
      'node-c got all',
    );
    expect(outbox.pending()).toEqual({ 'node-b': 1 });
    const [waiting] = outbox.queued('node-b');
    expect(waiting.attempts).toBeGreaterThanOrEqual(1);
    expect(waiting.lastError).toBe('ECONNREFUSED');
  });

  it('backs off exponentially with jitter, capped, and keeps the schedule in the outbox', async () => {
    const [m1] = queue('node-b', 1);
    const schedule: number[] = [];
    const script = { [m1]: Array.from({ length: 6 }, (): AttemptResult => ({ retry: 'down' })) };
    let previousAttemptAt = 0;
    dispatcher = new OutboxDispatcher(
      outbox,
      async (message) => {
        // The schedule the previous failed attempt left in the outbox, relative to when that attempt began.
        if (message.attempts > 0) schedule.push(message.nextAttemptAt - previousAttemptAt);
        previousAttemptAt = Date.now();
        return script[message.messageId].shift() ?? { final: { outcome: 'accepted' } };
      },
      { backoff: { initialMs: 8, maxMs: 32 }, random: () => 1, onDelivered: (d) => void deliveries.push(d) },
    );
    dispatcher.start();
    await delivered(1);
    // random() = 1 gives the ceiling: 8, 16, 32, then the cap.
    expect(schedule).toHaveLength(6);
    [8, 16, 32, 32, 32, 32].forEach((ceiling, i) => {
      expect(schedule[i]).toBeGreaterThanOrEqual(ceiling);
      // The rest is the time between the attempt's start and its failure being recorded.
      expect(schedule[i]).toBeLessThan(ceiling + 1000);
    });
    expect(deliveries[0].attempts).toBe(7);
  });

  it('honours a later retry time the recipient asked for', async () => {
    const [m1] = queue('node-b', 1);
    const notBefore = Date.now() + 60_000;
    start({ [m1]: [{ retry: '503', notBefore }] });
    await eventually(() => outbox.queued('node-b')[0]?.attempts === 1, 'the first attempt');
    expect(outbox.queued('node-b')[0].nextAttemptAt).toBe(notBefore);
  });

  it('attempts again when onDelivered fails, so the callback sees every message', async () => {
    const [m1] = queue('node-b', 1);
    let failures = 1;
    start(
      {},
      {
        onDelivered: (d) => {
          if (failures-- > 0) throw new Error('read model down');
          deliveries.push(d);
        },
      },
    );
    await delivered(1);
    expect(attempts).toEqual([m1, m1]);
    expect(deliveries[0].attempts).toBe(2);
  });

  it('picks up what is queued while it runs, when told', async () => {
    start({});
    const [m1] = queue('node-b', 1);
    dispatcher?.notify();
    await delivered(1);
    expect(deliveries[0].envelope.id).toBe(m1);
  });

  it('prepares the envelope afresh before every attempt, and reports what was sent', async () => {
    const [m1] = queue('node-b', 1);
    let stamp = 0;
    start(
      { [m1]: [{ retry: 'down' }] },
      {
        prepare: async (envelope) => ({ ...envelope, time: `stamp-${++stamp}` }),
      },
    );
    await delivered(1);
    expect(stamp).toBe(2);
    expect(deliveries[0].envelope.time).toBe('stamp-2');
  });

  it('retries when preparing fails (e.g. no signed checkpoint yet), without losing the message', async () => {
    const [m1] = queue('node-b', 1);
    let calls = 0;
    start(
      {},
      {
        prepare: async (envelope) => {
          if (++calls < 3) throw new Error('not yet');
          return envelope;
        },
      },
    );
    await delivered(1);
    expect(deliveries[0].envelope.id).toBe(m1);
    expect(calls).toBe(3);
  });
});
