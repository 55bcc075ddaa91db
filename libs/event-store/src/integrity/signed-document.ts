import { canonicalJson } from '@nrm/common/canonical-json';
import { createHash, createPublicKey, KeyObject, verify } from 'node:crypto';
import type { CheckpointSigner } from './checkpoint';

/**
 * What the node key signs for a document it issues (a case export, an integrity report): a line naming
 * the kind of document, then the SHA-256 of the document's canonical JSON. The first line keeps a
 * signature over one kind of document from being passed off as another, or as a checkpoint note.
 */
export function documentSigningBytes(kind: string, document: unknown): Buffer {
  if (!/^[a-z][a-z0-9-]*$/.test(kind)) throw new Error(`document kind must be a lower-case slug: ${kind}`);
  return Buffer.from(`nrm-signed-document ${kind}\n${documentDigest(document)}\n`, 'utf8');
}

/** SHA-256 (hex) of the document's canonical JSON: the same bytes whatever the key order or spacing. */
export function documentDigest(document: unknown): string {
  return createHash('sha256').update(canonicalJson(document), 'utf8').digest('hex');
}

/** base64 Ed25519 signature of the document under the node key. */
export function signDocument(kind: string, document: unknown, signer: CheckpointSigner): string {
  return Buffer.from(signer.sign(documentSigningBytes(kind, document))).toString('base64');
}

/** True only when `signature` is the key's signature of this very document (any change breaks it). */
export function verifyDocumentSignature(
  kind: string,
  document: unknown,
  signature: string,
  publicKey: KeyObject | string,
): boolean {
  try {
    const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
    return verify(null, documentSigningBytes(kind, document), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
