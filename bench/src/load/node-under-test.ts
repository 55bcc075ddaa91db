import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The node as `npm start` runs it (compiled, no TypeScript hooks); npm runs the bench at the repo's root. */
export const NODE_MAIN = join(process.cwd(), 'dist/apps/node/apps/node/src/main.js');

/** A server process under load: started, watched for its peak memory, killed or stopped. */
export class ServerProcess {
  private child?: ChildProcess;
  private peakRssBytes = 0;
  private sampler?: NodeJS.Timeout;
  private output = '';

  constructor(
    private readonly entry: string,
    private readonly args: string[],
    private readonly env: Record<string, string>,
    readonly baseUrl: string,
    /** Options for Node itself, before the entry (e.g. --cpu-prof). */
    private readonly nodeArgs: string[] = [],
    private readonly healthTimeoutMs = 60_000,
  ) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, [...this.nodeArgs, this.entry, ...this.args], {
      env: { PATH: process.env.PATH ?? '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk) => (this.output = (this.output + chunk).slice(-8000)));
    child.stderr?.on('data', (chunk) => (this.output = (this.output + chunk).slice(-8000)));
    await this.waitForHealth(child);
    this.sampler = setInterval(() => this.sample(), 100);
  }

  /** Peak resident set size (bytes) seen since start, including this process's earlier lives. */
  get peakRss(): number {
    return this.peakRssBytes;
  }

  /** The process dies at once, mid-write (what a power cut does to the process; the disk keeps what it synced). */
  async kill(): Promise<void> {
    await this.end('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.end('SIGTERM');
  }

  private async end(signal: NodeJS.Signals): Promise<void> {
    clearInterval(this.sampler);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }

  private sample(): void {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      this.peakRssBytes = Math.max(this.peakRssBytes, kb * 1024);
    } catch {
      /* exited between two samples */
    }
  }

  private async waitForHealth(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + this.healthTimeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${this.entry} exited early:\n${this.output}`);
      try {
        if ((await fetch(`${this.baseUrl}/health`)).ok) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(
      `${this.entry} did not answer /health within ${this.healthTimeoutMs / 1000} s:\n${this.output}`,
    );
  }
}
