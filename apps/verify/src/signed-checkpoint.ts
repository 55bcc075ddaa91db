import { SignedCheckpoint, verifyCheckpoint } from '@nrm/event-store/integrity/checkpoint';
import type { KeyObject } from 'node:crypto';
import { isHash, isIndex, isObject } from './bundle-shape';
import { Findings } from './verification-report';

/**
 * The checkpoint when it is well formed and its signature verifies with the node key (and names the
 * expected origin); otherwise undefined with the problem recorded.
 */
export function checkSignedCheckpoint(
  value: unknown,
  key: KeyObject | undefined,
  findings: Findings,
  expectedOrigin?: string,
): SignedCheckpoint | undefined {
  if (
    !isObject(value) ||
    typeof value.origin !== 'string' ||
    !isIndex(value.size) ||
    !isHash(value.root) ||
    typeof value.signature !== 'string' ||
    typeof value.keyId !== 'string'
  ) {
    findings.problems.push(
      'the checkpoint is missing or not a signed checkpoint (origin, size, root, signature)',
    );
    return undefined;
  }
  const checkpoint = value as unknown as SignedCheckpoint;
  const name = `the checkpoint of size ${checkpoint.size}`;
  if (!key) return undefined;
  const signed = findings.check(
    verifyCheckpoint(checkpoint, key),
    `${name} (root ${checkpoint.root.slice(0, 16)}…) is signed by the node key`,
    `${name}: its signature does not verify with the node key (forged, changed, or another key's)`,
  );
  if (expectedOrigin !== undefined) {
    findings.check(
      checkpoint.origin === expectedOrigin,
      `${name} is of node ${expectedOrigin}'s log`,
      `${name} is of the log of ${checkpoint.origin}, not of node ${expectedOrigin}`,
    );
  }
  return signed ? checkpoint : undefined;
}
