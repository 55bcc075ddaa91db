import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MasterKey, masterKeyId, MasterKeyError } from '../master-key';
import { PersonalDataCipher } from '../personal-data-cipher';
import { SqliteKeyStore } from './sqlite-key-store';

function newMasterKey(): MasterKey {
  const key = randomBytes(32);
  return { key, id: masterKeyId(key) };
}

const SUBJECTS = 450;

describe('SqliteKeyStore master key rotation', () => {
  let dir: string;
  let file: string;
  let oldKey: MasterKey;
  let newKey: MasterKey;
  const opened: SqliteKeyStore[] = [];
  const open = (masterKey: MasterKey, checkMasterKey = true) => {
    const store = new SqliteKeyStore({ file, masterKey, checkMasterKey });
    opened.push(store);
    return store;
  };

  /** Subject keys as first handed out, and one ciphertext per subject made with them. */
  let subjects: { subjectId: string; key: Buffer; version: number }[];
  let ciphertexts: Awaited<ReturnType<PersonalDataCipher['encrypt']>>[];
  let erased: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nrm-rotate-'));
    file = join(dir, 'keys.sqlite');
    oldKey = newMasterKey();
    newKey = newMasterKey();
    const store = open(oldKey);
    const cipher = new PersonalDataCipher(store, { cacheSize: 0 });
    subjects = [];
    ciphertexts = [];
    for (let i = 0; i < SUBJECTS; i++) {
      const subjectId = randomUUID();
      ciphertexts.push(await cipher.encrypt(subjectId, { familyName: `Name${i}` }));
      subjects.push(await store.currentKey(subjectId));
    }
    // A subject with two key versions, and an erased one, among them.
    subjects.push(await store.rotate(subjects[0].subjectId));
    erased = subjects[1].subjectId;
    await store.shred(erased);
    subjects = subjects.filter((s) => s.subjectId !== erased);
    await store.close();
  });
  afterEach(async () => {
    while (opened.length) await opened.pop()?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Which of the two master keys opens each subject key (it must be exactly one of them). */
  async function wrappingOf(): Promise<{ old: number; new: number; neither: number }> {
    const underOld = open(oldKey, false);
    const underNew = open(newKey, false);
    const counts = { old: 0, new: 0, neither: 0 };
    for (const { subjectId, version, key } of subjects) {
      const viaOld = await underOld.findKey(subjectId, version).catch(() => undefined);
      const viaNew = await underNew.findKey(subjectId, version).catch(() => undefined);
      if (viaOld?.key.equals(key)) counts.old++;
      else if (viaNew?.key.equals(key)) counts.new++;
      else counts.neither++;
    }
    return counts;
  }

  it('re-wraps every subject key: all open with the new master key, none with the old, erased stays erased', async () => {
    const wrappedBefore = new Database(file, { readonly: true })
      .prepare('SELECT wrapped_key FROM subject_keys LIMIT 1')
      .pluck()
      .get() as Buffer;
    const progress: [number, number][] = [];
    const store = open(oldKey);
    const result = await store.rewrapAll(newKey, {
      batchSize: 100,
      onProgress: (done, total) => progress.push([done, total]),
    });

    expect(result).toEqual({ rewrapped: subjects.length, total: subjects.length, resumed: false });
    expect(progress[0]).toEqual([0, subjects.length]);
    expect(progress[progress.length - 1]).toEqual([subjects.length, subjects.length]);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
    // The store that rotated goes on with the new key.
    expect((await store.findKey(subjects[5].subjectId, 1))?.key.equals(subjects[5].key)).toBe(true);
    await store.close();

    expect(await wrappingOf()).toEqual({ old: 0, new: subjects.length, neither: 0 });
    const cipher = new PersonalDataCipher(open(newKey), { cacheSize: 0 });
    for (const [i, enc] of ciphertexts.entries()) {
      const expected =
        enc.subjectId === erased ? { status: 'erased' } : { status: 'ok', value: { familyName: `Name${i}` } };
      expect(await cipher.decrypt(enc)).toEqual(expected);
    }
    expect(() => open(oldKey)).toThrow(MasterKeyError);
    expect(() => open(oldKey)).toThrow(/is not the one that wraps/);

    // The bytes wrapped under the old master key left the files (main database and WAL).
    const files = [file, `${file}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p));
    expect(files.some((bytes) => bytes.includes(wrappedBefore))).toBe(false);
  });

  it('survives an interruption midway in a batch: every key opens with one of the two, and it resumes', async () => {
    let seen = 0;
    const crash = () => {
      if (++seen === 250) throw new Error('power cut');
    };
    await expect(open(oldKey).rewrapAll(newKey, { batchSize: 100, afterEachKey: crash })).rejects.toThrow(
      'power cut',
    );
    // Two batches committed; the third was rolled back as a whole.
    expect(await wrappingOf()).toEqual({ old: subjects.length - 200, new: 200, neither: 0 });

    // Neither key may start a node on a half-rotated store.
    expect(() => open(oldKey)).toThrow(/rotation from .* was interrupted/);
    expect(() => open(newKey)).toThrow(/rotation from .* was interrupted/);
    // Nor may another rotation begin over it.
    await expect(open(oldKey, false).rewrapAll(newMasterKey())).rejects.toThrow(/must be finished first/);

    const result = await open(oldKey, false).rewrapAll(newKey, { batchSize: 100 });
    expect(result).toEqual({ rewrapped: subjects.length - 200, total: subjects.length, resumed: true });
    expect(await wrappingOf()).toEqual({ old: 0, new: subjects.length, neither: 0 });
    expect(() => open(newKey)).not.toThrow();
  });

  it('finishes at once when run again after it completed, and refuses a current key that wraps nothing', async () => {
    await open(oldKey).rewrapAll(newKey);
    expect(await open(oldKey, false).rewrapAll(newKey)).toEqual({
      rewrapped: 0,
      total: subjects.length,
      resumed: true,
    });
    expect(() => open(newKey)).not.toThrow();

    const third = newMasterKey();
    await expect(open(third, false).rewrapAll(newMasterKey())).rejects.toThrow(/neither the current/);
    await expect(open(newKey).rewrapAll(newKey)).rejects.toThrow(/is the current one/);
    expect(await wrappingOf()).toEqual({ old: 0, new: subjects.length, neither: 0 });
  });
});
