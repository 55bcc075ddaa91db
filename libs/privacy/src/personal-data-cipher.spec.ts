import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EncryptedPersonalData } from '@nrm/event-store/port';
import { masterKeyId } from './master-key';
import {
  PersonalDataCipher,
  PersonalDataIntegrityError,
  UnknownSubjectKeyError,
} from './personal-data-cipher';
import { KeyStore, SubjectErasedError, SubjectKey } from './port/key-store.port';
import { SqliteKeyStore } from './sqlite/sqlite-key-store';

const person = { givenName: 'Ana', familyName: 'Popescu', dateOfBirth: '2001-04-17' };

/** Flips one bit of a base64 field. */
function flip(base64: string, index = 0): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[index] ^= 0x01;
  return bytes.toString('base64');
}

describe('PersonalDataCipher', () => {
  let dir: string;
  let keyStore: SqliteKeyStore;
  let cipher: PersonalDataCipher;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nrm-cipher-'));
    const key = randomBytes(32);
    keyStore = new SqliteKeyStore({
      file: join(dir, 'keys.sqlite'),
      masterKey: { key, id: masterKeyId(key) },
    });
    cipher = new PersonalDataCipher(keyStore);
  });
  afterEach(async () => {
    await keyStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips personal data, with nothing readable in the ciphertext', async () => {
    const subjectId = randomUUID();
    const enc = await cipher.encrypt(subjectId, person);
    expect(enc).toMatchObject({ subjectId, keyVersion: 1 });
    expect(Buffer.from(enc.iv, 'base64')).toHaveLength(12);
    expect(JSON.stringify(enc)).not.toContain('Popescu');
    expect(Buffer.from(enc.ciphertext, 'base64').toString('latin1')).not.toContain('Popescu');

    expect(await cipher.decrypt(enc)).toEqual({ status: 'ok', value: person });
  });

  it('uses a fresh IV for every encryption', async () => {
    const subjectId = randomUUID();
    const a = await cipher.encrypt(subjectId, person);
    const b = await cipher.encrypt(subjectId, person);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('decrypts with a fresh cipher (no cache) what another one encrypted', async () => {
    const enc = await cipher.encrypt(randomUUID(), person);
    expect(await new PersonalDataCipher(keyStore, { cacheSize: 0 }).decrypt(enc)).toEqual({
      status: 'ok',
      value: person,
    });
  });

  it.each<[string, (e: EncryptedPersonalData) => EncryptedPersonalData]>([
    ['ciphertext', (e) => ({ ...e, ciphertext: flip(e.ciphertext, 3) })],
    ['tag', (e) => ({ ...e, tag: flip(e.tag) })],
    ['iv', (e) => ({ ...e, iv: flip(e.iv) })],
    ['truncated tag', (e) => ({ ...e, tag: Buffer.from(e.tag, 'base64').subarray(0, 8).toString('base64') })],
  ])('rejects a tampered %s', async (_part, tamper) => {
    const enc = await cipher.encrypt(randomUUID(), person);
    await expect(cipher.decrypt(tamper(enc))).rejects.toBeInstanceOf(PersonalDataIntegrityError);
  });

  it("rejects a ciphertext relabelled as another subject's", async () => {
    const other = randomUUID();
    await cipher.encrypt(other, { any: 'thing' });
    const enc = await cipher.encrypt(randomUUID(), person);
    await expect(cipher.decrypt({ ...enc, subjectId: other })).rejects.toBeInstanceOf(
      PersonalDataIntegrityError,
    );
  });

  it('binds the ciphertext to subject and key version even where the key is the same (AAD)', async () => {
    const shared = randomBytes(32);
    const sameKeyForAll: KeyStore = {
      currentKey: async (subjectId) => ({ subjectId, version: 1, key: shared }),
      findKey: async (subjectId, version): Promise<SubjectKey> => ({ subjectId, version, key: shared }),
      shred: async () => undefined,
      isShredded: async () => false,
      close: async () => undefined,
    };
    const naive = new PersonalDataCipher(sameKeyForAll);
    const enc = await naive.encrypt('subject-a', person);
    expect(await naive.decrypt(enc)).toEqual({ status: 'ok', value: person });
    await expect(naive.decrypt({ ...enc, subjectId: 'subject-b' })).rejects.toBeInstanceOf(
      PersonalDataIntegrityError,
    );
    await expect(naive.decrypt({ ...enc, keyVersion: 2 })).rejects.toBeInstanceOf(PersonalDataIntegrityError);
  });

  it("reads as 'erased' after shredding, even with the key cached just before", async () => {
    const subjectId = randomUUID();
    const enc = await cipher.encrypt(subjectId, person);
    expect((await cipher.decrypt(enc)).status).toBe('ok');

    await cipher.shred(subjectId);

    expect(await cipher.decrypt(enc)).toEqual({ status: 'erased' });
    await expect(cipher.encrypt(subjectId, person)).rejects.toBeInstanceOf(SubjectErasedError);
  });

  it('does not cache a key whose fetch was still under way when the subject was shredded', async () => {
    const subjectId = randomUUID();
    const enc = await new PersonalDataCipher(keyStore).encrypt(subjectId, person);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: KeyStore = {
      ...keyStore,
      currentKey: (id) => keyStore.currentKey(id),
      findKey: async (id, version) => {
        const key = await keyStore.findKey(id, version); // fetched before the shred...
        await gate; // ...and handed back after it
        return key;
      },
      shred: (id) => keyStore.shred(id),
      isShredded: (id) => keyStore.isShredded(id),
      close: () => keyStore.close(),
    };
    const racing = new PersonalDataCipher(slow);
    const inFlight = racing.decrypt(enc);
    await racing.shred(subjectId);
    release();
    expect((await inFlight).status).toBe('ok'); // it began before the erasure
    expect(await racing.decrypt(enc)).toEqual({ status: 'erased' }); // nothing of it was kept
  });

  it('stops using a key shredded elsewhere once the cache entry expires', async () => {
    let now = 0;
    const shortLived = new PersonalDataCipher(keyStore, { cacheTtlMs: 1000, clock: () => now });
    const subjectId = randomUUID();
    const enc = await shortLived.encrypt(subjectId, person);
    expect((await shortLived.decrypt(enc)).status).toBe('ok');

    await keyStore.shred(subjectId); // behind the cipher's back
    now = 1000;
    expect(await shortLived.decrypt(enc)).toEqual({ status: 'erased' });
  });

  it('fails loudly on a key version the subject never had', async () => {
    const enc = await cipher.encrypt(randomUUID(), person);
    await expect(cipher.decrypt({ ...enc, keyVersion: 7 })).rejects.toBeInstanceOf(UnknownSubjectKeyError);
  });

  it('keeps at most cacheSize subjects in memory', async () => {
    let lookups = 0;
    const counting: KeyStore = {
      currentKey: (s) => keyStore.currentKey(s),
      findKey: (s, v) => {
        lookups += 1;
        return keyStore.findKey(s, v);
      },
      shred: (s) => keyStore.shred(s),
      isShredded: (s) => keyStore.isShredded(s),
      close: async () => undefined,
    };
    const small = new PersonalDataCipher(counting, { cacheSize: 2 });
    const encs = await Promise.all(['a', 'b', 'c'].map((s) => small.encrypt(`${s}-${randomUUID()}`, person)));
    lookups = 0;
    await small.decrypt(encs[2]);
    await small.decrypt(encs[1]);
    expect(lookups).toBe(0); // b and c are the two most recent
    await small.decrypt(encs[0]);
    expect(lookups).toBe(1); // a was evicted
  });
});
