import { readFileSync } from 'node:fs';

/** The parts of a V8 .cpuprofile (what `node --cpu-prof` writes) that the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
  /** When the profile began, µs on the machine's monotonic clock (process.hrtime's, in ns there). */
  startTime?: number;
}

/** A span of the monotonic clock in µs, e.g. the load alone, without the process's start and stop. */
export interface ProfileWindow {
  fromMicros: number;
  toMicros: number;
}

/** Now on the clock V8's profiler stamps its samples with (CLOCK_MONOTONIC on Linux), in µs. */
export const monotonicMicros = (): number => Number(process.hrtime.bigint() / 1000n);

export interface ProfileShare {
  name: string;
  /** Share of the busy time (idle excluded), 0..1. */
  share: number;
  milliseconds: number;
}

export interface ProfileSummary {
  /** Sampled time the thread was busy, ms (idle excluded). */
  busyMs: number;
  /** Sampled time it was idle, waiting for I/O or requests, ms. */
  idleMs: number;
  /** Busy time by where the code comes from: a package, a library of this repository, Node itself. */
  byOrigin: ProfileShare[];
  /** The functions with the most self time. */
  topFunctions: ProfileShare[];
}

/**
 * Where a function's code comes from: a package of node_modules (by name), a library or app of this
 * repository (libs/<name>, apps/<name>), Node's own JavaScript, or V8's pseudo-frames such as the
 * garbage collector.
 */
export function originOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'Node.js internals';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  const own = /\/(libs|apps)\/([^/]+)\/src\//.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  return url;
}

const shares = (times: Map<string, number>, busyMs: number, limit: number): ProfileShare[] =>
  [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, milliseconds]) => ({ name, milliseconds, share: busyMs > 0 ? milliseconds / busyMs : 0 }));

/**
 * Self time per origin and per function, from the samples and their time deltas; within `window`
 * only, when given (the samples' times are the profile's start plus the deltas so far).
 */
export function summarizeProfile(profile: CpuProfile, limit = 12, window?: ProfileWindow): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const origins = new Map<string, number>();
  const functions = new Map<string, number>();
  let idleMs = 0;
  let busyMs = 0;
  let at = profile.startTime ?? 0;
  if (window && profile.startTime === undefined) throw new Error('the profile has no startTime to window by');
  profile.samples.forEach((id, i) => {
    // timeDeltas[i] is the time since the previous sample: it belongs to the frame sampled now.
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (window && (at < window.fromMicros || at > window.toMicros)) return;
    const ms = delta / 1000;
    const frame = byId.get(id);
    if (!frame) return;
    if (frame.functionName === '(idle)') {
      idleMs += ms;
      return;
    }
    busyMs += ms;
    const origin = originOf(frame.url, frame.functionName);
    origins.set(origin, (origins.get(origin) ?? 0) + ms);
    // The file too: several libraries have an `apply` or a `save`.
    const file = frame.url.split('/').pop() ?? '';
    const where = frame.url === '' ? '' : ` (${origin} ${file}:${frame.lineNumber + 1})`;
    const name = `${frame.functionName || '(anonymous)'}${where}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  });
  return {
    busyMs,
    idleMs,
    byOrigin: shares(origins, busyMs, limit),
    topFunctions: shares(functions, busyMs, limit),
  };
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}
