/**
 * oasdiff (github.com/oasdiff/oasdiff), the OpenAPI diff that decides what a breaking change is: built
 * once from the Go module proxy at a pinned version (`go install`, about 30 s on 2 cores) and cached
 * beside the local servers' binaries (deploy/local/infra.js): $NRM_INFRA_CACHE, else
 * ~/.cache/nrm-infra/oasdiff-<version>/oasdiff. NRM_OASDIFF names another binary to use instead.
 */
import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const OASDIFF_MODULE = 'github.com/oasdiff/oasdiff';
export const OASDIFF_VERSION = 'v1.39.0';

const CACHE =
  process.env.NRM_INFRA_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'nrm-infra');
const BINARY = join(CACHE, `oasdiff-${OASDIFF_VERSION}`, 'oasdiff');
/** One build at a time per machine is enough; a second caller waits for the first. */
const BUILD_TIMEOUT_MS = 10 * 60_000;

function run(command: string, args: string[], env?: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(command, args, { encoding: 'utf8', env, timeout: BUILD_TIMEOUT_MS, maxBuffer: 64 << 20 });
}

/** The oasdiff binary: NRM_OASDIFF, else the cached build, built now if it is not there yet. */
export function oasdiffBinary(): string {
  if (process.env.NRM_OASDIFF) return process.env.NRM_OASDIFF;
  if (existsSync(BINARY)) return BINARY;
  if (run('go', ['version']).error)
    throw new Error(
      `oasdiff ${OASDIFF_VERSION} is not built yet (${BINARY}) and 'go' is not on PATH: install Go, ` +
        'or name an oasdiff binary in NRM_OASDIFF',
    );
  // Built into a directory of its own, then moved into place: two builds at once cannot leave half a
  // binary behind, and the last one to finish simply replaces an identical file.
  const work = mkdtempSync(join(tmpdir(), 'nrm-oasdiff-build-'));
  try {
    const env = {
      ...process.env,
      GOBIN: join(work, 'bin'),
      GOMODCACHE: join(CACHE, 'go', 'mod'),
      GOCACHE: join(work, 'cache'),
      GOFLAGS: '-buildvcs=false',
      GOTOOLCHAIN: 'local',
    };
    process.stderr.write(`building oasdiff ${OASDIFF_VERSION} from the Go module proxy (once)...\n`);
    const built = run('go', ['install', `${OASDIFF_MODULE}@${OASDIFF_VERSION}`], env);
    if (built.status !== 0)
      throw new Error(
        `go install ${OASDIFF_MODULE}@${OASDIFF_VERSION} failed:\n${built.stderr ?? built.error}`,
      );
    const version = run(join(work, 'bin', 'oasdiff'), ['--version']).stdout ?? '';
    if (!version.includes(OASDIFF_VERSION.slice(1)))
      throw new Error(`the oasdiff just built reports another version: ${version}`);
    mkdirSync(join(CACHE, `oasdiff-${OASDIFF_VERSION}`), { recursive: true });
    renameSync(join(work, 'bin', 'oasdiff'), BINARY);
    return BINARY;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** One change oasdiff found, as its JSON output reports it. */
interface OasdiffChange {
  id: string;
  text: string;
  /** 3: ERR (breaking), 2: WARN, 1: INFO. */
  level: number;
  operation?: string;
  path?: string;
}

/**
 * The breaking changes (oasdiff's severity ERR) from `base` to `revision`, two OpenAPI documents as
 * JSON text, each as "POST /api/cases: the request property `notes` became required
 * [request-property-became-required]". Runs `oasdiff breaking --fail-on ERR --format json base revision`.
 */
export function breakingChanges(base: string, revision: string): string[] {
  const binary = oasdiffBinary();
  const dir = mkdtempSync(join(tmpdir(), 'nrm-oasdiff-'));
  try {
    const files = { base: join(dir, 'base.json'), revision: join(dir, 'revision.json') };
    writeFileSync(files.base, base);
    writeFileSync(files.revision, revision);
    const result = spawnSync(
      binary,
      [
        'breaking',
        '--fail-on',
        'ERR',
        '--format',
        'json',
        // Both documents are self-contained; nothing is fetched, whatever they say.
        '--allow-external-refs=false',
        files.base,
        files.revision,
      ],
      { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 60_000 },
    );
    // 0: no change at ERR; 1: at least one. Anything else (bad document, crash) is not an answer.
    if (result.status !== 0 && result.status !== 1)
      throw new Error(`oasdiff failed (${result.status ?? result.signal}): ${result.stderr || result.error}`);
    const changes = JSON.parse(result.stdout || '[]') as OasdiffChange[];
    const breaking = changes
      .filter((change) => change.level >= 3)
      .map((change) =>
        `${change.operation ?? ''} ${change.path ?? ''}: ${change.text} [${change.id}]`.trim(),
      );
    if ((result.status === 1) !== breaking.length > 0)
      throw new Error(`oasdiff exited ${result.status} but listed ${breaking.length} breaking changes`);
    return breaking;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The major of a semantic version ("1.4.0" → 1); a version that is not one fails loudly. */
export function majorOf(version: string): number {
  const match = /^(\d+)\.\d+\.\d+(?:[-+].*)?$/.exec(version);
  if (!match) throw new Error(`"${version}" is not a semantic version (major.minor.patch)`);
  return Number(match[1]);
}
