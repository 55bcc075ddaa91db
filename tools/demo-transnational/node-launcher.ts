import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, createWriteStream, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NodeClient } from './node-client';

const ROOT = join(__dirname, '../..');
const REGISTER = join(ROOT, 'tools/swc-register.js');
const ENTRY = join(ROOT, 'apps/node/src/main.ts');

/** Where one node of the demo runs and what it is. */
export interface NodeSpec {
  country: string;
  nodeId: string;
  port: number;
  dataDir: string;
  logFile: string;
  env: Record<string, string>;
}

/**
 * One node as a real process, started from its TypeScript entry point (no build needed: the same
 * register hook the tests use). Its output goes to a log file, so a chatty node never blocks on a full
 * pipe, and the file stays for inspection with --keep.
 */
export class NodeLauncher {
  private child?: ChildProcess;
  private exit?: { code: number | null; signal: NodeJS.Signals | null };

  private readonly health: NodeClient;

  constructor(readonly spec: NodeSpec) {
    this.health = new NodeClient(spec.country, this.baseUrl);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.spec.port}`;
  }

  get running(): boolean {
    return this.child !== undefined && this.exit === undefined;
  }

  /** "running (pid 123)", "exited with code 1", "killed by SIGKILL". */
  describe(): string {
    if (!this.child) return 'not started';
    if (!this.exit) return `running (pid ${this.child.pid})`;
    return this.exit.signal ? `killed by ${this.exit.signal}` : `exited with code ${this.exit.code}`;
  }

  start(): void {
    if (this.running) throw new Error(`${this.spec.country} node is already running`);
    const { spec } = this;
    const log = createWriteStream(spec.logFile, { flags: 'a', mode: 0o600 });
    this.exit = undefined;
    // Only what the node needs: PATH, and blanks for the settings that would switch it away from the
    // embedded default (a developer's .env could set them; the node fills only unset variables from it).
    const child = spawn(process.execPath, ['--require', REGISTER, ENTRY], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        KAFKA_BROKERS: '',
        MONGO_URL: '',
        EVENTSTORE_URL: '',
        NRM_OIDC_ISSUER: '',
        NRM_OIDC_AUDIENCE: '',
        NRM_OIDC_JWKS_URL: '',
        NODE_ENV: '',
        ...spec.env,
        NRM_NODE_COUNTRY: spec.country,
        NRM_NODE_ID: spec.nodeId,
        NRM_DATA_DIR: spec.dataDir,
        PORT: String(spec.port),
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    child.once('exit', (code, signal) => {
      this.exit = { code, signal };
      log.end();
    });
    child.once('error', (error) => {
      this.exit = { code: null, signal: null };
      log.end(`could not start: ${error.message}\n`);
    });
    this.child = child;
  }

  /** Resolves once /health answers; fails early if the process exits, or after `timeoutMs`. */
  async waitUntilHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`the ${this.spec.country} node ${this.describe()} while starting`);
      try {
        if ((await this.health.api().GET('/health')).response.status === 200) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(
      `the ${this.spec.country} node did not answer ${this.baseUrl}/health within ${timeoutMs / 1000} s`,
    );
  }

  /** SIGTERM (the node finishes in-flight requests and closes its stores), SIGKILL after `graceMs`. */
  async stop(graceMs = 20_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    try {
      await exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Last resort on the way out (synchronous: usable in a process 'exit' handler). */
  killNow(): void {
    if (this.running) this.child?.kill('SIGKILL');
  }

  /** The last `lines` lines of the node's log. */
  logTail(lines = 15): string {
    try {
      const size = statSync(this.spec.logFile).size;
      const length = Math.min(size, 64 * 1024);
      const buffer = Buffer.alloc(length);
      const fd = openSync(this.spec.logFile, 'r');
      try {
        readSync(fd, buffer, 0, length, size - length);
      } finally {
        closeSync(fd);
      }
      return buffer.toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}
