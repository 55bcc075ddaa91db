import type { ExportedEvent } from '@nrm/application/export/case-export';
import { verifyInclusion } from '@nrm/event-store/integrity/merkle';
import type { SignedCheckpoint } from '@nrm/event-store/integrity/checkpoint';
import { verifyDocumentSignature } from '@nrm/event-store/integrity/signed-document';
import { arrayAt, hashList, isHash, isIndex, isObject, Json, objectAt, stringAt } from './bundle-shape';
import { recomputedLeafHash } from './logged-event';
import { checkSignedCheckpoint } from './signed-checkpoint';
import { GivenKey, keyToCheckWith } from './signer-key';
import { Findings, VerificationReport } from './verification-report';

/** The kind the node signs a case export as (CASE_EXPORT_DOCUMENT). */
const CASE_EXPORT = 'nrm-case-export';

/**
 * A case export, checked without the node: the node's signature over the whole document, the
 * checkpoint's signature, each event's content against its leaf hash, each leaf's inclusion proof
 * against the checkpoint's root, and the stream's revisions complete and in log order.
 */
export function verifyCaseExport(document: Json, file: string, given?: GivenKey): VerificationReport {
  const findings = new Findings();
  const integrity = objectAt(document, 'integrity');
  const events = arrayAt(document, 'events');
  const caseId = stringAt(document, 'caseId');
  const key = keyToCheckWith(integrity, given, findings);

  const { signature, ...unsignedIntegrity } = integrity;
  if (key) {
    findings.check(
      typeof signature === 'string' &&
        verifyDocumentSignature(CASE_EXPORT, { ...document, integrity: unsignedIntegrity }, signature, key),
      `the node signed this export of case ${caseId} as it is (nothing added, removed or changed)`,
      typeof signature === 'string'
        ? "the export's signature does not verify: the document was changed after the node issued it, or another key signed it"
        : 'the export carries no signature (exported before signed exports, or stripped)',
    );
  }

  const nodeId =
    isObject(document.node) && typeof document.node.id === 'string' ? document.node.id : undefined;
  const checkpoint =
    integrity.checkpoint === null
      ? undefined
      : checkSignedCheckpoint(integrity.checkpoint, key, findings, nodeId);
  if (integrity.checkpoint === null) {
    findings.problems.push(
      "the export carries no signed checkpoint (its node's store signs none): its events cannot be proven in the log",
    );
  }
  checkEvents(events, checkpoint, findings);
  return findings.report(file, `case export of case ${caseId}`);
}

function checkEvents(events: unknown[], checkpoint: SignedCheckpoint | undefined, findings: Findings) {
  const valid = events.filter(isExportedEvent);
  if (valid.length !== events.length) {
    findings.problems.push(`${events.length - valid.length} event(s) lack the fields an event must have`);
  }
  checkStreamOrder(valid, findings);
  let hashed = 0;
  let withheld = 0;
  let proven = 0;
  for (const event of valid) {
    const where = `event at revision ${event.revision} (position ${event.position})`;
    const recomputed = recomputedLeafHash(event);
    if (recomputed === undefined) withheld++;
    else if (recomputed === event.leafHash) hashed++;
    else findings.problems.push(`${where}: its content does not hash to its leaf hash (changed)`);
    if (!checkpoint) continue;
    const inclusion = event.inclusion;
    const path = inclusion && hashList(inclusion.path);
    if (!inclusion || !isIndex(inclusion.leafIndex) || !path) {
      findings.problems.push(`${where}: no inclusion proof`);
    } else if (inclusion.leafIndex >= checkpoint.size) {
      findings.problems.push(
        `${where}: leaf ${inclusion.leafIndex} lies outside the checkpoint's tree of size ${checkpoint.size}`,
      );
    } else if (
      verifyInclusion(
        Buffer.from(event.leafHash, 'hex'),
        inclusion.leafIndex,
        checkpoint.size,
        path.map((hash) => Buffer.from(hash, 'hex')),
        Buffer.from(checkpoint.root, 'hex'),
      )
    ) {
      proven++;
    } else {
      findings.problems.push(
        `${where}: its inclusion proof does not lead to the root of the checkpoint of size ${checkpoint.size} ` +
          '(a proof for another tree size, or a changed leaf)',
      );
    }
  }
  if (hashed > 0) findings.checked.push(`${hashed} event(s) hash to their leaf hashes`);
  if (proven > 0)
    findings.checked.push(`${proven} leaf hash(es) are in the checkpoint's tree (inclusion proofs)`);
  if (withheld > 0) {
    findings.notes.push(
      `${withheld} event(s) have their data withheld from the recipient: their leaves are proven in the log, ` +
        'their contents are not shown, so not checked',
    );
  }
}

/** A case stream is exported whole: revisions 0..n-1, each once, in the order the log holds them. */
function checkStreamOrder(events: ExportedEvent[], findings: Findings) {
  const streams = new Set(events.map((event) => event.streamId));
  if (streams.size > 1) findings.problems.push(`events of ${streams.size} streams in one case export`);
  const revisions = events.map((event) => event.revision);
  const present = new Set(revisions);
  const top = Math.max(-1, ...revisions);
  const missing = Array.from({ length: top + 1 }, (_, r) => r).filter((r) => !present.has(r));
  const duplicated = revisions.length - present.size;
  const outOfOrder = events.findIndex(
    (event, i) =>
      i > 0 &&
      (event.revision < events[i - 1].revision ||
        (event.inclusion?.leafIndex ?? 0) < (events[i - 1].inclusion?.leafIndex ?? 0)),
  );
  if (missing.length) findings.problems.push(`revision(s) ${missing.join(', ')} missing: event(s) removed`);
  if (duplicated) findings.problems.push(`${duplicated} revision(s) appear twice`);
  if (outOfOrder > 0) {
    findings.problems.push(
      `event at revision ${events[outOfOrder].revision} comes after revision ${events[outOfOrder - 1].revision}: ` +
        'events reordered',
    );
  }
  if (!missing.length && !duplicated && outOfOrder < 0 && streams.size <= 1) {
    findings.checked.push(`revisions 0 to ${top} are all there, in the order of the log`);
  }
}

function isExportedEvent(value: unknown): value is ExportedEvent {
  return (
    isObject(value) &&
    isIndex(value.position) &&
    isIndex(value.revision) &&
    typeof value.streamId === 'string' &&
    typeof value.eventId === 'string' &&
    isHash(value.leafHash)
  );
}
