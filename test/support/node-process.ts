import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export { freePort } from '@nrm/common/net/free-port';

const ROOT = join(__dirname, '../..');
const REGISTER = join(ROOT, 'tools/swc-register.js');

/** Runs a TypeScript entry point of this repo as a real child process (no build needed). */
export function runTs(entry: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--require', REGISTER, join(ROOT, entry), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function collect(child: ChildProcess): { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => (out += chunk));
  child.stderr?.on('data', (chunk) => (err += chunk));
  return { out: () => out, err: () => err };
}

export async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`node exited early with ${child.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`node did not answer /health within ${timeoutMs} ms`);
}

export async function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const [code] = await once(child, 'exit');
  return code as number | null;
}

/** The exit code, or 'hung' when the process has not exited within `timeoutMs`. */
export function exitWithin(child: ChildProcess, timeoutMs: number): Promise<number | null | 'hung'> {
  return Promise.race([
    exitOf(child),
    new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), timeoutMs).unref()),
  ]);
}

/** SIGTERM (a node shuts down gracefully), SIGKILL after `graceMs`; the exit code (null: ended by a signal). */
export async function stopProcess(child: ChildProcess, graceMs = 20_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    const [code] = await exited;
    return code as number | null;
  } finally {
    clearTimeout(timer);
  }
}

/** A node started with `runTs` from apps/node/src/main.ts, listening on 127.0.0.1:`port`. */
export interface NodeProcess {
  child: ChildProcess;
  baseUrl: string;
  output: { out: () => string; err: () => string };
}

/**
 * Starts the node as a process on `port` and waits for /health; if it does not come up, stops it and
 * fails with the end of its output.
 */
export async function startNodeProcess(
  env: Record<string, string>,
  port: number,
  timeoutMs = 120_000,
): Promise<NodeProcess> {
  const child = runTs('apps/node/src/main.ts', [], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  const output = collect(child);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, timeoutMs);
  } catch (error) {
    await stopProcess(child, 5000);
    const tail = (output.out() + output.err()).trimEnd().split('\n').slice(-20).join('\n');
    throw new Error(`${(error as Error).message} (${baseUrl}); its last output:\n${tail}`);
  }
  return { child, baseUrl, output };
}
