import { publicKeyId } from '@nrm/event-store/integrity/checkpoint';
import { createPublicKey, KeyObject } from 'node:crypto';
import { Findings } from './verification-report';

/** The node key as the verifier's user gave it: a PEM public key, or only its key id (16 hex digits). */
export type GivenKey = { pem: string } | { keyId: string };

export const KEY_ID = /^[0-9a-f]{16}$/;

/**
 * The key to check signatures with: the one the user gave when it is a PEM, else the one inside the
 * document, after checking that it is the key the document names and, when the user gave a key or a
 * key id, that it is that key. Undefined when no usable key is left (a problem is recorded).
 */
export function keyToCheckWith(
  document: { publicKey?: unknown; publicKeyId?: unknown },
  given: GivenKey | undefined,
  findings: Findings,
): KeyObject | undefined {
  const inside = parseKey(document.publicKey);
  const insideId = inside && publicKeyId(inside);
  if (!inside || !insideId) {
    findings.problems.push('the public key inside the document is not an Ed25519 public key (PEM)');
  } else {
    findings.check(
      document.publicKeyId === insideId,
      `the document names its signing key ${insideId}`,
      `the document names key id ${String(document.publicKeyId)} but carries the key ${insideId}`,
    );
  }
  if (!given) {
    if (inside) {
      findings.notes.push(
        "signatures were checked against the key inside the document only: give the node's public key " +
          '(--key <file.pem or key id>) from a source you trust to tie the document to that node',
      );
    }
    return inside;
  }
  const givenKey = 'pem' in given ? parseKey(given.pem) : undefined;
  if ('pem' in given && !givenKey) {
    findings.problems.push('the key given with --key is not an Ed25519 public key (PEM)');
    return undefined;
  }
  const givenId = givenKey ? publicKeyId(givenKey) : 'keyId' in given ? given.keyId : undefined;
  findings.check(
    givenId === insideId,
    `the document was issued under the node key you gave (${givenId})`,
    `the document was issued under key ${insideId ?? '(none)'}, not the node key you gave (${givenId})`,
  );
  return givenKey ?? inside;
}

function parseKey(pem: unknown): KeyObject | undefined {
  if (typeof pem !== 'string') return undefined;
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}
