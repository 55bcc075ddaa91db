import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';

describe('SqliteCheckpointStore', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'checkpoints-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps positions by name across a reopen', async () => {
    const file = join(dir, 'relay.sqlite');
    const store = SqliteCheckpointStore.open(file);
    expect(await store.load('relay')).toBeUndefined();
    await store.save('relay', 10);
    await store.save('relay', 25);
    await store.save('other', 3);
    await store.close();
    const reopened = SqliteCheckpointStore.open(file);
    expect(await reopened.load('relay')).toBe(25);
    expect(await reopened.load('other')).toBe(3);
    await expect(reopened.save('relay', -1)).rejects.toThrow(RangeError);
    await reopened.close();
  });
});
