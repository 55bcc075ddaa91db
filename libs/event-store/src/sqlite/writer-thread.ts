import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AppendOutcome, PendingAppend } from './append-batch';
import type { WriterReply, WriterRequest, WriterStart } from './writer-messages';

interface InFlight {
  resolve: (reply: WriterReply) => void;
  reject: (error: Error) => void;
}

/** The compiled worker next to this file, or (tests, tools) its TypeScript source through swc. */
function workerEntry(): { file: string; execArgv: string[] } {
  const compiled = join(__dirname, 'sqlite-writer.worker.js');
  if (existsSync(compiled)) return { file: compiled, execArgv: [] };
  const register = join(__dirname, '../../../../tools/swc-register.js');
  return { file: join(__dirname, 'sqlite-writer.worker.ts'), execArgv: ['--require', register] };
}

/**
 * The main thread's handle on the writer thread. The thread keeps the process alive only while a
 * commit is in flight, so a store left open never holds a CLI or a test run open.
 */
export class WriterThread {
  private readonly worker: Worker;
  private readonly inFlight = new Map<number, InFlight>();
  private nextId = 0;
  private failed?: Error;

  constructor(start: WriterStart) {
    const { file, execArgv } = workerEntry();
    this.worker = new Worker(file, { workerData: start, execArgv });
    this.worker.on('message', (reply: WriterReply) => this.answer(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) =>
      this.fail(new Error(`the event store's writer thread exited (${code})`)),
    );
    // Only after the listeners: adding a 'message' listener refs the worker again.
    this.worker.unref();
  }

  async commit(batch: PendingAppend[]): Promise<{ outcomes: AppendOutcome[]; tree: WriterReply['tree'] }> {
    if (this.failed) throw this.failed;
    const id = this.nextId++;
    const reply = new Promise<WriterReply>((resolve, reject) => this.inFlight.set(id, { resolve, reject }));
    this.worker.ref();
    const request: WriterRequest = { id, batch };
    this.worker.postMessage(request);
    return reply;
  }

  async close(): Promise<void> {
    this.failed ??= new Error('event store is closed');
    await this.worker.terminate();
  }

  private answer(reply: WriterReply): void {
    const waiting = this.inFlight.get(reply.id);
    this.inFlight.delete(reply.id);
    if (this.inFlight.size === 0) this.worker.unref();
    waiting?.resolve(reply);
  }

  private fail(error: Error): void {
    this.failed ??= error;
    for (const waiting of this.inFlight.values()) waiting.reject(error);
    this.inFlight.clear();
  }
}
