import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMasterKey, MASTER_KEY_FILE, MasterKeyError, parseMasterKey } from './master-key';

describe('master key', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nrm-master-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes NRM_MASTER_KEY when set, without touching the data directory', () => {
    const raw = randomBytes(32);
    const loaded = loadMasterKey({
      env: { NRM_MASTER_KEY: raw.toString('base64') },
      dataDir: dir,
      allowKeyFile: true,
    });
    expect(loaded.key.equals(raw)).toBe(true);
    expect(loaded.source).toBe('env');
    expect(() => statSync(join(dir, MASTER_KEY_FILE))).toThrow();
  });

  it.each([
    ['too short', randomBytes(16).toString('base64'), /decodes to 16 bytes, expected 32/],
    ['too long', randomBytes(33).toString('base64'), /decodes to 33 bytes, expected 32/],
    ['not base64', 'this is not a key!', /not valid base64/],
    ['blank', '   ', /empty/],
  ])('rejects a %s NRM_MASTER_KEY with a clear message', (_case, value, message) => {
    expect(() => loadMasterKey({ env: { NRM_MASTER_KEY: value } })).toThrow(MasterKeyError);
    expect(() => loadMasterKey({ env: { NRM_MASTER_KEY: value } })).toThrow(message);
  });

  it('requires NRM_MASTER_KEY outside the embedded default', () => {
    expect(() => loadMasterKey({ env: {}, dataDir: dir })).toThrow(/NRM_MASTER_KEY is not set/);
  });

  it('creates <dataDir>/master.key with mode 0600 at first start, then reuses it', () => {
    const first = loadMasterKey({ env: {}, dataDir: dir, allowKeyFile: true });
    expect(first).toMatchObject({ source: 'file', created: true, path: join(dir, MASTER_KEY_FILE) });
    expect(first.key).toHaveLength(32);
    if (process.platform !== 'win32') expect(statSync(join(dir, MASTER_KEY_FILE)).mode & 0o777).toBe(0o600);

    const second = loadMasterKey({ env: {}, dataDir: join(dir), allowKeyFile: true });
    expect(second.created).toBe(false);
    expect(second.key.equals(first.key)).toBe(true);
    expect(second.id).toBe(first.id);
    expect(parseMasterKey(readFileSync(join(dir, MASTER_KEY_FILE), 'utf8')).key.equals(first.key)).toBe(true);
  });

  it('creates a missing data directory', () => {
    const nested = join(dir, 'a', 'b');
    expect(loadMasterKey({ env: {}, dataDir: nested, allowKeyFile: true }).created).toBe(true);
  });

  it('refuses a key file other users can read', () => {
    if (process.platform === 'win32') return;
    loadMasterKey({ env: {}, dataDir: dir, allowKeyFile: true });
    chmodSync(join(dir, MASTER_KEY_FILE), 0o644);
    expect(() => loadMasterKey({ env: {}, dataDir: dir, allowKeyFile: true })).toThrow(/chmod 600/);
  });

  it('gives different keys different ids, and the same key the same id', () => {
    const a = randomBytes(32).toString('base64');
    expect(parseMasterKey(a).id).toBe(parseMasterKey(a).id);
    expect(parseMasterKey(a).id).not.toBe(parseMasterKey(randomBytes(32).toString('base64')).id);
  });
});
