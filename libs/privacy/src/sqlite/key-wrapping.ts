import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface WrappedKey {
  wrappedKey: Buffer;
  iv: Buffer;
  tag: Buffer;
}

/** Binds a wrapped key to its row: a wrapped key copied to another subject or version fails to unwrap. */
function wrappingAad(subjectId: string, version: number): Buffer {
  return Buffer.from(`nrm-subject-key\0${subjectId}\0${version}`, 'utf8');
}

export function wrapKey(masterKey: Buffer, subjectId: string, version: number, key: Buffer): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(wrappingAad(subjectId, version));
  const wrappedKey = Buffer.concat([cipher.update(key), cipher.final()]);
  return { wrappedKey, iv, tag: cipher.getAuthTag() };
}

export function unwrapKey(
  masterKey: Buffer,
  subjectId: string,
  version: number,
  wrapped: WrappedKey,
): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', masterKey, wrapped.iv);
  decipher.setAAD(wrappingAad(subjectId, version));
  decipher.setAuthTag(wrapped.tag);
  try {
    return Buffer.concat([decipher.update(wrapped.wrappedKey), decipher.final()]);
  } catch {
    throw new Error(`subject key ${subjectId} v${version} failed its integrity check (tampered key store?)`);
  }
}
