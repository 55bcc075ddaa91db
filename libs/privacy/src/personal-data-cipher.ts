import { canonicalJson } from '@nrm/common';
import type { EncryptedPersonalData } from '@nrm/event-store/port';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KeyCache } from './key-cache';
import { KeyStore, SubjectKey } from './port/key-store.port';

export type DecryptResult<T = Record<string, unknown>> = { status: 'ok'; value: T } | { status: 'erased' };

export interface PersonalDataCipherOptions {
  /** How many subjects' keys to keep in memory. Default 1000; 0 disables the cache. */
  cacheSize?: number;
  /** How long a cached key may be used before the key store is asked again. Default 60 s. */
  cacheTtlMs?: number;
  /** Milliseconds clock, for tests. */
  clock?: () => number;
}

/** Thrown when a ciphertext, its tag or its subject/version label was altered. */
export class PersonalDataIntegrityError extends Error {
  constructor(
    readonly subjectId: string,
    readonly keyVersion: number,
  ) {
    super(`personal data of subject ${subjectId} (key v${keyVersion}) failed its integrity check`);
    this.name = 'PersonalDataIntegrityError';
  }
}

/** Thrown when a ciphertext names a key version the subject never had (and the subject was not erased). */
export class UnknownSubjectKeyError extends Error {
  constructor(
    readonly subjectId: string,
    readonly keyVersion: number,
  ) {
    super(`no key version ${keyVersion} for subject ${subjectId}`);
    this.name = 'UnknownSubjectKeyError';
  }
}

/**
 * AES-256-GCM over the canonical JSON of the personal fields, with a per-subject key.
 * The AAD binds each ciphertext to its subject and key version, so it cannot be relabelled
 * to another subject (whose erasure would then not erase it).
 */
export class PersonalDataCipher {
  private readonly cache: KeyCache;
  /** Bumped by every shred: a key fetched before a shred finished must not be cached after it. */
  private shredGeneration = 0;

  constructor(
    private readonly keyStore: KeyStore,
    options: PersonalDataCipherOptions = {},
  ) {
    this.cache = new KeyCache(
      options.cacheSize ?? 1000,
      options.cacheTtlMs ?? 60_000,
      options.clock ?? Date.now,
    );
  }

  /** Throws SubjectErasedError when the subject was shredded: nothing new is written for an erased person. */
  async encrypt(subjectId: string, plain: object): Promise<EncryptedPersonalData> {
    const key = await this.currentKey(subjectId);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.key, iv);
    cipher.setAAD(aad(subjectId, key.version));
    const ciphertext = Buffer.concat([cipher.update(canonicalJson(plain), 'utf8'), cipher.final()]);
    return {
      subjectId,
      keyVersion: key.version,
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  }

  /** 'erased' when the subject's keys were shredded; throws PersonalDataIntegrityError on tampering. */
  async decrypt<T = Record<string, unknown>>(enc: EncryptedPersonalData): Promise<DecryptResult<T>> {
    const key = await this.keyVersion(enc.subjectId, enc.keyVersion);
    if (!key) {
      if (await this.keyStore.isShredded(enc.subjectId)) return { status: 'erased' };
      throw new UnknownSubjectKeyError(enc.subjectId, enc.keyVersion);
    }
    const iv = Buffer.from(enc.iv, 'base64');
    const tag = Buffer.from(enc.tag, 'base64');
    if (iv.length !== 12 || tag.length !== 16)
      throw new PersonalDataIntegrityError(enc.subjectId, enc.keyVersion);
    let plain: string;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.key, iv);
      decipher.setAAD(aad(enc.subjectId, enc.keyVersion));
      decipher.setAuthTag(tag);
      plain = Buffer.concat([
        decipher.update(Buffer.from(enc.ciphertext, 'base64')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new PersonalDataIntegrityError(enc.subjectId, enc.keyVersion);
    }
    return { status: 'ok', value: JSON.parse(plain) as T };
  }

  /** Crypto-shredding: destroys the subject's keys and drops them from this cache at once. */
  async shred(subjectId: string): Promise<void> {
    this.shredGeneration++;
    this.cache.forget(subjectId);
    await this.keyStore.shred(subjectId);
    this.cache.forget(subjectId);
  }

  private async currentKey(subjectId: string): Promise<SubjectKey> {
    const cached = this.cache.getCurrent(subjectId);
    if (cached) return cached;
    const generation = this.shredGeneration;
    const key = await this.keyStore.currentKey(subjectId);
    if (generation === this.shredGeneration) this.cache.put(key, true);
    return key;
  }

  private async keyVersion(subjectId: string, version: number): Promise<SubjectKey | undefined> {
    const cached = this.cache.getVersion(subjectId, version);
    if (cached) return cached;
    const generation = this.shredGeneration;
    const key = await this.keyStore.findKey(subjectId, version);
    if (key && generation === this.shredGeneration) this.cache.put(key, false);
    return key;
  }
}

function aad(subjectId: string, keyVersion: number): Buffer {
  return Buffer.from(canonicalJson({ subjectId, keyVersion }), 'utf8');
}
