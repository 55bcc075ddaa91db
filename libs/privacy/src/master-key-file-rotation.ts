import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { MASTER_KEY_FILE, MasterKey, MasterKeyError, parseMasterKey } from './master-key';

/**
 * The next master key of a node that keeps its key in <dataDir>/master.key (embedded default).
 * It is written here BEFORE any subject key is re-wrapped under it, and renamed over master.key only
 * after the re-wrap committed: a crash at any point leaves the old key in master.key and the new one
 * here, so no subject key is ever wrapped under a key that exists nowhere on disk.
 */
export const NEXT_MASTER_KEY_FILE = 'master.key.next';

export interface StagedMasterKey extends MasterKey {
  path: string;
  /** True when an interrupted rotation had already staged this key. */
  resumed: boolean;
}

/** Stages `given` (or a fresh random key) as the next master key; reuses a key already staged. */
export function stageNextMasterKey(dataDir: string, given?: MasterKey): StagedMasterKey {
  const path = join(dataDir, NEXT_MASTER_KEY_FILE);
  if (existsSync(path)) {
    const staged = parseMasterKey(readFileSync(path, 'utf8'), path);
    if (given && given.id !== staged.id) {
      throw new MasterKeyError(
        `${path} holds the new key of an interrupted rotation (id ${staged.id}), not the one given (id ${given.id}): ` +
          'finish that rotation first (run the command again without a new key, or with --generate)',
      );
    }
    return { ...staged, path, resumed: true };
  }
  const key = given?.key ?? randomBytes(32);
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, key.toString('base64') + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  syncDir(dataDir);
  return { ...parseMasterKey(key.toString('base64'), path), path, resumed: false };
}

/** The staged key, if an interrupted rotation left one. */
export function stagedNextMasterKey(dataDir: string): StagedMasterKey | undefined {
  const path = join(dataDir, NEXT_MASTER_KEY_FILE);
  if (!existsSync(path)) return undefined;
  return { ...parseMasterKey(readFileSync(path, 'utf8'), path), path, resumed: true };
}

/** Atomically replaces master.key with the staged key (rename within one directory, then fsync it). */
export function promoteNextMasterKey(dataDir: string): void {
  renameSync(join(dataDir, NEXT_MASTER_KEY_FILE), join(dataDir, MASTER_KEY_FILE));
  syncDir(dataDir);
}

/** A rename is durable only once its directory is. */
function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
