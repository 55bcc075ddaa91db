import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const MASTER_KEY_ENV = 'NRM_MASTER_KEY';
export const MASTER_KEY_FILE = 'master.key';
const MASTER_KEY_BYTES = 32;

/** The key that wraps every subject key. `id` is a fingerprint, safe to store next to wrapped keys. */
export interface MasterKey {
  key: Buffer;
  id: string;
}

export interface LoadedMasterKey extends MasterKey {
  source: 'env' | 'file';
  /** True when this call generated the key file (first start); the caller decides what to tell the operator. */
  created: boolean;
  /** Set when the key came from (or was written to) a file. */
  path?: string;
}

export interface LoadMasterKeyOptions {
  /** Defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Where <dataDir>/master.key lives. Required when `allowKeyFile` is true. */
  dataDir?: string;
  /**
   * Only the embedded default may keep its master key on disk next to the data;
   * every other deployment must pass it in NRM_MASTER_KEY.
   */
  allowKeyFile?: boolean;
}

export class MasterKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MasterKeyError';
  }
}

/** Fingerprint of a master key: lets the key store refuse to unwrap with the wrong master key. */
export function masterKeyId(key: Buffer): string {
  return createHash('sha256').update('nrm-master-key-id\0').update(key).digest('hex').slice(0, 16);
}

/** Parses base64 text holding exactly 32 bytes. `origin` names where the text came from, for the error. */
export function parseMasterKey(text: string, origin: string = MASTER_KEY_ENV): MasterKey {
  const trimmed = text.trim();
  if (trimmed === '') throw new MasterKeyError(`${origin} is empty: expected base64 of 32 random bytes`);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || trimmed.length % 4 !== 0) {
    throw new MasterKeyError(`${origin} is not valid base64: expected base64 of 32 random bytes`);
  }
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== MASTER_KEY_BYTES) {
    throw new MasterKeyError(
      `${origin} decodes to ${key.length} bytes, expected ${MASTER_KEY_BYTES} ` +
        `(generate one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64'))")`,
    );
  }
  return { key, id: masterKeyId(key) };
}

/**
 * Loads the master key from NRM_MASTER_KEY, or (embedded default only) from <dataDir>/master.key,
 * creating that file with mode 0600 on first start. Never logs: the key must not reach a log.
 */
export function loadMasterKey(options: LoadMasterKeyOptions = {}): LoadedMasterKey {
  const env = options.env ?? process.env;
  const fromEnv = env[MASTER_KEY_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    return { ...parseMasterKey(fromEnv, MASTER_KEY_ENV), source: 'env', created: false };
  }
  if (!options.allowKeyFile) {
    throw new MasterKeyError(`${MASTER_KEY_ENV} is not set: it must hold base64 of 32 random bytes`);
  }
  if (!options.dataDir) throw new MasterKeyError('a data directory is required to keep the master key file');

  const path = join(options.dataDir, MASTER_KEY_FILE);
  mkdirSync(options.dataDir, { recursive: true });
  const created = createKeyFileIfMissing(path);
  assertPrivate(path);
  const parsed = parseMasterKey(readFileSync(path, 'utf8'), path);
  return { ...parsed, source: 'file', created, path };
}

/** Exclusive create ('wx'), so two processes starting together end up with one key. */
function createKeyFileIfMissing(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new MasterKeyError(`cannot create master key file ${path}: ${(error as Error).message}`);
  }
  try {
    writeSync(fd, randomBytes(MASTER_KEY_BYTES).toString('base64') + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Like ssh with private keys: refuse a key file that others can read. */
function assertPrivate(path: string): void {
  if (process.platform === 'win32') return;
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new MasterKeyError(
      `master key file ${path} is accessible by other users (mode ${mode.toString(8)}); run: chmod 600 ${path}`,
    );
  }
}
