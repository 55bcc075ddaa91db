import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainTestEnvelope } from '../testing/partner-transport.contract';
import { SqliteOutbox } from './sqlite-outbox';

describe('SQLite outbox', () => {
  let dir: string;
  let file: string;
  let outbox: SqliteOutbox;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'partner-outbox-'));
    file = join(dir, 'node', 'outbox.sqlite');
    outbox = SqliteOutbox.open(file);
  });
  afterEach(() => {
    outbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const to = (recipient: string, subject = 'case-1') => plainTestEnvelope('node-a', recipient, subject);

  it('is readable by its owner only: folder 0700, database and WAL files 0600', () => {
    outbox.enqueue('node-b', to('node-b'));
    expect(statSync(join(dir, 'node')).mode & 0o777).toBe(0o700);
    for (const name of ['outbox.sqlite', 'outbox.sqlite-wal'])
      expect(statSync(join(dir, 'node', name)).mode & 0o777).toBe(0o600);
  });

  it('offers only the oldest message of each recipient', () => {
    const [b1, c1, b2, c2] = [to('node-b'), to('node-c'), to('node-b'), to('node-c')];
    for (const e of [b1, c1, b2, c2]) outbox.enqueue(e.nrmrecipient, e);
    expect(outbox.heads().map((m) => m.messageId)).toEqual([b1.id, c1.id]);
    outbox.finish(b1.id, 'accepted', 1);
    expect(outbox.heads().map((m) => m.messageId)).toEqual([c1.id, b2.id]);
    expect(outbox.queued('node-b').map((m) => m.envelope)).toEqual([b2]);
  });

  it('queues a message id once: again while queued, after its verdict, or after its withdrawal', () => {
    const [queued, finished, withdrawn] = [to('node-b'), to('node-b', 'case-2'), to('node-b', 'case-3')];
    for (const e of [queued, finished, withdrawn]) expect(outbox.enqueue('node-b', e)).toBe(true);
    outbox.finish(finished.id, 'rejected', 2);
    outbox.withdraw('case-3');
    for (const e of [queued, finished, withdrawn]) expect(outbox.enqueue('node-b', e)).toBe(false);
    expect(outbox.pending()).toEqual({ 'node-b': 1 });
    expect(outbox.outcomeOf(finished.id)).toBe('rejected');
    expect(outbox.outcomeOf(withdrawn.id)).toBe('withdrawn');
  });

  it('keeps messages, attempts and retry schedule across a reopen', () => {
    const [b1, b2] = [to('node-b'), to('node-b')];
    outbox.enqueue('node-b', b1);
    outbox.enqueue('node-b', b2);
    outbox.retryLater(b1.id, 3, 1_900_000_000_000, 'connect ECONNREFUSED');
    outbox.close();
    outbox = SqliteOutbox.open(file);
    expect(outbox.queued('node-b')).toEqual([
      expect.objectContaining({
        messageId: b1.id,
        envelope: b1,
        attempts: 3,
        nextAttemptAt: 1_900_000_000_000,
        lastError: 'connect ECONNREFUSED',
      }),
      expect.objectContaining({ messageId: b2.id, envelope: b2, attempts: 0 }),
    ]);
    const seqs = outbox.queued('node-b').map((m) => m.seq);
    const b3 = to('node-b');
    outbox.enqueue('node-b', b3);
    expect(outbox.queued('node-b').map((m) => m.seq)[2]).toBeGreaterThan(Math.max(...seqs));
  });

  it('withdraws one subject for every recipient, and drops one recipient’s queue', () => {
    const sent = [to('node-b', 'x'), to('node-c', 'x'), to('node-b', 'y'), to('node-c', 'y')];
    for (const e of sent) outbox.enqueue(e.nrmrecipient, e);
    expect(outbox.withdraw('x')).toBe(2);
    expect(outbox.pending()).toEqual({ 'node-b': 1, 'node-c': 1 });
    expect(outbox.dropRecipient('node-c')).toBe(1);
    expect(outbox.pending()).toEqual({ 'node-b': 1 });
    expect(outbox.heads().map((m) => m.messageId)).toEqual([sent[2].id]);
  });

  it('forgets finished ids after their retention, and only those', () => {
    const [old, recent] = [to('node-b'), to('node-b')];
    let now = 1_000_000;
    outbox.close();
    outbox = SqliteOutbox.open({ file, now: () => now });
    outbox.enqueue('node-b', old);
    outbox.finish(old.id, 'accepted', 1);
    now += 10_000;
    outbox.enqueue('node-b', recent);
    outbox.finish(recent.id, 'accepted', 1);
    outbox.close();
    outbox = SqliteOutbox.open({ file, now: () => now, finishedRetentionMs: 5_000 });
    expect(outbox.outcomeOf(old.id)).toBeUndefined();
    expect(outbox.outcomeOf(recent.id)).toBe('accepted');
  });
});
