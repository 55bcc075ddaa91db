import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idempotentHandler } from './idempotent-handler';
import { InMemorySeenEventIds } from './in-memory-seen-event-ids';
import { SqliteSeenEventIds } from './sqlite-seen-event-ids';
import type { StoredEvent } from '@nrm/event-store/port';

const event = (id: string) => ({ id }) as StoredEvent;

describe('idempotent handler', () => {
  it('drops a redelivered id, and retries an id whose handler failed', async () => {
    const handled: string[] = [];
    let fail = true;
    const handler = idempotentHandler((e) => {
      if (e.id === 'b' && fail) throw new Error('boom');
      handled.push(e.id);
    }, new InMemorySeenEventIds());
    await handler(event('a'));
    await handler(event('a'));
    await expect(handler(event('b'))).rejects.toThrow('boom');
    fail = false;
    await handler(event('b'));
    await handler(event('b'));
    expect(handled).toEqual(['a', 'b']);
  });
});

describe('InMemorySeenEventIds', () => {
  it('forgets the oldest ids beyond its capacity', async () => {
    const seen = new InMemorySeenEventIds(2);
    for (const id of ['a', 'b', 'c']) await seen.add(id);
    expect(await seen.has('a')).toBe(false);
    expect(await seen.has('b')).toBe(true);
    expect(await seen.has('c')).toBe(true);
    expect(seen.size).toBe(2);
  });
});

describe('SqliteSeenEventIds', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'seen-ids-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('remembers ids across a reopen, per scope', async () => {
    const file = join(dir, 'seen.sqlite');
    const first = SqliteSeenEventIds.open({ file, scope: 'g1' });
    await first.add('a');
    await first.add('a');
    await first.close();
    const again = SqliteSeenEventIds.open({ file, scope: 'g1' });
    const other = SqliteSeenEventIds.open({ file, scope: 'g2' });
    expect(await again.has('a')).toBe(true);
    expect(await other.has('a')).toBe(false);
    await again.close();
    await other.close();
  });

  it('keeps at most maxEntries ids of its scope, dropping the oldest', async () => {
    const seen = SqliteSeenEventIds.open({ file: join(dir, 'seen.sqlite'), maxEntries: 3, pruneEvery: 1 });
    for (const id of ['a', 'b', 'c', 'd', 'e']) await seen.add(id);
    expect(await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => seen.has(id)))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    await seen.close();
  });
});
