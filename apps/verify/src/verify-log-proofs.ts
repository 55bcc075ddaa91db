import type { StoredEvent } from '@nrm/event-store/port';
import { verifyConsistency, verifyInclusion } from '@nrm/event-store/integrity/merkle';
import { hashList, isHash, isIndex, Json, objectAt } from './bundle-shape';
import { leafHashOf } from './logged-event';
import { checkSignedCheckpoint } from './signed-checkpoint';
import { GivenKey, keyToCheckWith } from './signer-key';
import { Findings, VerificationReport } from './verification-report';

const hashes = (hex: string[]) => hex.map((h) => Buffer.from(h, 'hex'));

/** GET /api/audit/events/:position/proof, saved to a file: one event proven in a signed tree head. */
export function verifyEventProof(document: Json, file: string, given?: GivenKey): VerificationReport {
  const findings = new Findings();
  const key = keyToCheckWith(document, given, findings);
  const checkpoint = checkSignedCheckpoint(document.checkpoint, key, findings);
  const event = objectAt(document, 'event') as unknown as StoredEvent;
  const inclusion = objectAt(document, 'inclusion');
  const where = `the event at position ${String(event.position)}`;
  const leaf = leafHashOf(event);
  findings.check(
    leaf !== undefined && leaf === inclusion.leafHash,
    `${where} hashes to leaf ${String(inclusion.leafHash).slice(0, 16)}…`,
    `${where} does not hash to the proof's leaf hash (changed)`,
  );
  const path = hashList(inclusion.path);
  // The proof's own leaf: a changed event is then named once, as changed, not also as unproven.
  if (checkpoint && isHash(inclusion.leafHash) && path && isIndex(inclusion.leafIndex)) {
    findings.check(
      verifyInclusion(
        Buffer.from(inclusion.leafHash, 'hex'),
        inclusion.leafIndex,
        checkpoint.size,
        hashes(path),
        Buffer.from(checkpoint.root, 'hex'),
      ),
      `its leaf ${inclusion.leafIndex} is in the tree of the checkpoint of size ${checkpoint.size}`,
      `its inclusion proof does not lead to the root of the checkpoint of size ${checkpoint.size} ` +
        '(a proof for another tree size, or a changed leaf)',
    );
  } else if (!path || !isIndex(inclusion.leafIndex)) {
    findings.problems.push('the inclusion proof is malformed (leafIndex, path of hex hashes)');
  }
  return findings.report(file, 'event proof');
}

/** GET /api/audit/consistency, saved to a file: an older signed tree head is a prefix of a newer one. */
export function verifyConsistencyProof(document: Json, file: string, given?: GivenKey): VerificationReport {
  const findings = new Findings();
  const key = keyToCheckWith(document, given, findings);
  const from = checkSignedCheckpoint(document.from, key, findings);
  const to = checkSignedCheckpoint(document.to, key, findings);
  const path = hashList(document.path);
  if (!path) findings.problems.push('the consistency proof is not a list of hex hashes');
  if (from && to && path) {
    if (from.origin !== to.origin) findings.problems.push('the two checkpoints are of different logs');
    // The empty tree is a prefix of every tree (RFC 6962 defines proofs from size 1 on).
    const consistent =
      from.size === 0
        ? path.length === 0
        : verifyConsistency(
            from.size,
            to.size,
            Buffer.from(from.root, 'hex'),
            Buffer.from(to.root, 'hex'),
            hashes(path),
          );
    findings.check(
      consistent,
      `the log of size ${from.size} is a prefix of the log of size ${to.size}: nothing before was changed`,
      `the consistency proof from size ${from.size} to ${to.size} does not verify: the older log is not a ` +
        'prefix of the newer one, or the proof is for other sizes',
    );
  }
  return findings.report(file, 'consistency proof');
}
