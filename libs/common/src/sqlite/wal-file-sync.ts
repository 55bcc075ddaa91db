import { open } from 'node:fs/promises';

/** fsync(2) of a file, in libuv's thread pool: the event loop goes on meanwhile. */
async function fsyncFile(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Makes the commits of a WAL database opened with synchronous=NORMAL durable without blocking the
 * event loop: SQLite then writes each commit to the -wal file without syncing it, and `sync()` syncs
 * that file off the main thread. Callers that wait for it get what synchronous=FULL gives them (their
 * commit survives power loss), and those that arrive together share one fsync.
 */
export class WalFileSync {
  private running?: Promise<void>;
  private queued?: Promise<void>;

  constructor(
    private readonly walFile: string,
    private readonly fsync: (file: string) => Promise<void> = fsyncFile,
  ) {}

  /** Resolves once everything committed before this call is on disk. */
  sync(): Promise<void> {
    if (!this.running) {
      this.running = this.fsync(this.walFile).finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    // The fsync under way may have started before our commit: one more after it, shared by all who wait.
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.sync();
      });
    return this.queued;
  }
}
