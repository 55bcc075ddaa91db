import { WalFileSync } from './wal-file-sync';

/** An fsync the test finishes by hand, to make the overlap happen rather than hope for it. */
function manualFsync() {
  const calls: { file: string; finish: () => void; fail: (error: Error) => void }[] = [];
  const fsync = (file: string) =>
    new Promise<void>((resolve, reject) => calls.push({ file, finish: resolve, fail: reject }));
  return { calls, fsync };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('WalFileSync', () => {
  it('syncs the -wal file, and makes a caller that arrives during an fsync wait for the next one', async () => {
    const { calls, fsync } = manualFsync();
    const wal = new WalFileSync('/data/keys.sqlite-wal', fsync);
    const done: string[] = [];
    const first = wal.sync().then(() => done.push('first'));
    await settled();
    const late = [1, 2, 3].map((n) => wal.sync().then(() => done.push(`late ${n}`)));
    expect(calls.map((c) => c.file)).toEqual(['/data/keys.sqlite-wal']);

    calls[0].finish();
    await first;
    await settled();
    // The late ones committed after the first fsync began: it does not cover them.
    expect(done).toEqual(['first']);
    expect(calls).toHaveLength(2);

    calls[1].finish();
    await Promise.all(late);
    expect(done).toEqual(['first', 'late 1', 'late 2', 'late 3']);
    expect(calls).toHaveLength(2); // one fsync for the three of them
  });

  it('passes a failed fsync to its callers, and the next caller gets a fresh one', async () => {
    const { calls, fsync } = manualFsync();
    const wal = new WalFileSync('/data/keys.sqlite-wal', fsync);
    const failed = wal.sync();
    await settled();
    calls[0].fail(new Error('EIO'));
    await expect(failed).rejects.toThrow('EIO');
    const next = wal.sync();
    await settled();
    calls[1].finish();
    await expect(next).resolves.toBeUndefined();
  });
});
