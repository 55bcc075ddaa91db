import { createPublicKey, KeyObject } from 'node:crypto';
import { SignedCheckpoint, verifyCheckpoint } from './checkpoint';
import { eventLeafHash } from './canonical-event';
import type { StoredEvent } from '../port';
import { IntegrityLogReader } from './integrity-reader';
import { EMPTY_TREE_ROOT, leafHashOfText, MerkleFrontier } from './merkle';

export type TamperReason =
  | 'changed'
  | 'removed'
  | 'reordered'
  | 'bad-checkpoint-signature'
  | 'checkpoint-mismatch'
  | 'unsigned-events';

export interface LogVerification {
  valid: boolean;
  /** Number of events read. */
  size: number;
  /** Root recomputed from the events read (hex). */
  root: string;
  /** Size of the largest signed checkpoint; events beyond it are checked against stored hashes only. */
  checkpointSize: number;
  /**
   * Position of the first event that is not what the signed history says sits there. For 'removed'
   * it is the event right after the gap (undefined when the tail was cut off).
   */
  firstInvalidPosition?: number;
  /** The same place as a 0-based leaf index (backend-independent). */
  firstInvalidIndex?: number;
  /** Position of the last event before the first invalid one. */
  lastValidPosition?: number;
  reason?: TamperReason;
  detail?: string;
}

export interface VerifyLogOptions {
  /** When given, every checkpoint must name this origin (the node id). */
  origin?: string;
  pageSize?: number;
  /**
   * The log signs a checkpoint with every append (the embedded store): events past the last signed
   * checkpoint were not written by the node, so they make the log invalid.
   */
  requireSignedHead?: boolean;
  /**
   * Tree heads the caller kept from earlier (an auditor's or a partner's copy): the log must still
   * contain them. This is what catches a tail cut off together with its checkpoints.
   */
  trusted?: readonly { size: number; root: string }[];
}

type AnomalyKind = 'leaf' | 'position-gap' | 'revision' | 'root' | 'checkpoint' | 'truncated' | 'unsigned';

interface Anomaly {
  kind: AnomalyKind;
  index: number;
  position?: number;
  lastValidPosition?: number;
  place?: Place;
  leaf?: Buffer;
  expectedRevision?: number;
  detail: string;
}

const streamRevisionKey = (streamId: string, revision: number) => `${streamId}\u0000${revision}`;

/**
 * Recomputes every leaf from the event's canonical bytes and the running RFC 6962 root, and checks
 * them against the hashes stored with each event and against every signed checkpoint. Checkpoints are
 * what an attacker without the node key cannot forge: if they also rewrote the stored hashes, the first
 * checkpoint that disagrees bounds the damage to one append (one event when each append is one event).
 */
export async function verifyLog(
  reader: IntegrityLogReader,
  checkpoints: readonly SignedCheckpoint[],
  publicKey: KeyObject | string,
  options: VerifyLogOptions = {},
): Promise<LogVerification> {
  const pageSize = options.pageSize ?? 1000;
  const signed = [...checkpoints].sort((a, b) => a.size - b.size);
  const checkpointSize = signed.length ? signed[signed.length - 1].size : 0;
  const preliminary = checkCheckpoints(signed, keyObjectOf(publicKey), options.origin);
  const sorted = [...signed, ...(options.trusted ?? [])].sort((a, b) => a.size - b.size);

  const frontier = MerkleFrontier.empty();
  const nextRevision = new Map<string, number>();
  let anomaly: Anomaly | undefined;
  let cursor = 0;
  while (cursor < sorted.length && sorted[cursor].size === 0) {
    if (sorted[cursor].root !== EMPTY_TREE_ROOT.toString('hex')) {
      anomaly = { kind: 'checkpoint', index: 0, detail: 'checkpoint of the empty log has a wrong root' };
    }
    cursor++;
  }
  // First event after the last checkpoint that matched: where a later mismatch can begin.
  let windowStart: { index: number; position: number; before?: number } | undefined;
  let previousPosition: number | undefined;
  // Gathered only after the first anomaly, to tell a reordering from a change or a removal.
  const laterStoredLeaves = new Set<string>();
  const laterRevisions = new Set<string>();

  let firstUnsigned: { position: number; before?: number } | undefined;
  let lastVisit: Visit | undefined;
  let beforeLast: number | undefined;
  let fromPosition: number | undefined;
  for (;;) {
    const page = await readVisits(reader, fromPosition, pageSize);
    if (page.length === 0) break;
    for (const visit of page) {
      const { place: event, leaf } = visit;
      const index = frontier.size;
      if (index === checkpointSize) firstUnsigned = { position: event.position, before: previousPosition };
      frontier.append(leaf);
      fromPosition = event.position;

      if (anomaly) {
        if (visit.leafHash) laterStoredLeaves.add(Buffer.from(visit.leafHash).toString('hex'));
        laterRevisions.add(streamRevisionKey(event.streamId, event.revision));
        continue;
      }

      // The running root costs log2(n) hashes: computed where a signed checkpoint or the log's end
      // asks for it. The roots stored in between are not signed, so checking them adds no evidence.
      const signedHere = cursor < sorted.length && sorted[cursor].size === index + 1;
      const root = signedHere ? frontier.root() : undefined;
      lastVisit = visit;
      beforeLast = previousPosition;
      const expectedRevision = nextRevision.get(event.streamId) ?? 0;
      nextRevision.set(event.streamId, event.revision + 1);
      windowStart ??= { index, position: event.position, before: previousPosition };
      const start = windowStart;
      const here = {
        index,
        position: event.position,
        lastValidPosition: previousPosition,
        place: event,
        leaf,
      };

      if (visit.leafHash && !leaf.equals(visit.leafHash)) {
        anomaly = { ...here, kind: 'leaf', detail: 'event bytes do not match the stored leaf hash' };
      } else if (reader.contiguousPositions && event.position !== (previousPosition ?? 0) + 1) {
        anomaly = {
          ...here,
          kind: 'position-gap',
          detail: `no event between ${previousPosition ?? 0} and ${event.position}`,
        };
      } else if (event.revision !== expectedRevision) {
        anomaly = {
          ...here,
          kind: 'revision',
          expectedRevision,
          detail: `stream ${event.streamId}: revision ${event.revision} where ${expectedRevision} was due`,
        };
      } else if (root && visit.treeRoot && !root.equals(visit.treeRoot)) {
        anomaly = { ...here, kind: 'root', detail: 'running root does not match the stored tree root' };
      }

      while (!anomaly && root && cursor < sorted.length && sorted[cursor].size === index + 1) {
        if (sorted[cursor].root !== root.toString('hex')) {
          anomaly = {
            kind: 'checkpoint',
            index: start.index,
            position: start.position,
            lastValidPosition: start.before,
            detail: `signed checkpoint of size ${index + 1} does not match the log`,
          };
        }
        cursor++;
        windowStart = undefined;
      }
      previousPosition = event.position;
    }
  }

  const size = frontier.size;
  const finalRoot = frontier.root();
  if (!anomaly && lastVisit?.treeRoot && !finalRoot.equals(lastVisit.treeRoot)) {
    anomaly = {
      kind: 'root',
      index: size - 1,
      position: lastVisit.place.position,
      lastValidPosition: beforeLast,
      place: lastVisit.place,
      detail: 'the root of the whole log does not match the tree root stored with its last event',
    };
  }
  if (!anomaly && cursor < sorted.length) {
    anomaly = {
      kind: 'truncated',
      index: size,
      lastValidPosition: previousPosition,
      detail: `a checkpoint of size ${sorted[sorted.length - 1].size} but the log holds ${size} events`,
    };
  }
  if (!anomaly && options.requireSignedHead && checkpointSize < size) {
    anomaly = {
      kind: 'unsigned',
      index: checkpointSize,
      position: firstUnsigned?.position,
      lastValidPosition: firstUnsigned?.before,
      detail: `${size - checkpointSize} events after the last signed checkpoint (size ${checkpointSize})`,
    };
  }
  const base = { size, root: finalRoot.toString('hex'), checkpointSize };
  if (preliminary) return { ...base, valid: false, ...preliminary };
  if (!anomaly) return { ...base, valid: true };

  return {
    ...base,
    valid: false,
    reason: classify(anomaly, size < checkpointSize, laterStoredLeaves, laterRevisions),
    firstInvalidPosition: anomaly.position,
    firstInvalidIndex: anomaly.index,
    lastValidPosition: anomaly.lastValidPosition,
    detail: anomaly.detail,
  };
}

type Place = Pick<StoredEvent, 'position' | 'streamId' | 'revision'>;

/** What the verifier needs of each event: where it sits, its leaf, and the hashes stored beside it. */
interface Visit {
  place: Place;
  leaf: Buffer;
  leafHash?: Uint8Array;
  treeRoot?: Uint8Array;
}

/**
 * A page of events with their leaves: from the stored canonical bytes where the backend offers them
 * (no parsing), and where those do not hash to the stored leaf, from the event parsed and re-encoded
 * (the definition), so a stored column that is not canonical JSON is judged by its meaning.
 */
async function readVisits(
  reader: IntegrityLogReader,
  fromPosition: number | undefined,
  limit: number,
): Promise<Visit[]> {
  if (!reader.readStoredLeaves) {
    const records = await reader.readIntegrity(fromPosition, limit);
    return records.map(({ event, leafHash, treeRoot }) => ({
      place: event,
      leaf: eventLeafHash(event),
      leafHash,
      treeRoot,
    }));
  }
  const visits: Visit[] = [];
  for (const stored of await reader.readStoredLeaves(fromPosition, limit)) {
    const { position, streamId, revision, leafHash: storedLeaf, treeRoot } = stored;
    let leaf = leafHashOfText(stored.canonicalJson);
    if (!leaf.equals(storedLeaf)) {
      const [record] = await reader.readIntegrity(position - 1, 1);
      if (record?.event.position === position) leaf = eventLeafHash(record.event);
    }
    visits.push({ place: { position, streamId, revision }, leaf, leafHash: storedLeaf, treeRoot });
  }
  return visits;
}

/** Parsed once for all checkpoints (a PEM parse costs more than the signature check); bad PEM stays as is and fails each check. */
function keyObjectOf(publicKey: KeyObject | string): KeyObject | string {
  if (typeof publicKey !== 'string') return publicKey;
  try {
    return createPublicKey(publicKey);
  } catch {
    return publicKey;
  }
}

function classify(
  anomaly: Anomaly,
  shorterThanSigned: boolean,
  laterStoredLeaves: Set<string>,
  laterRevisions: Set<string>,
): TamperReason {
  switch (anomaly.kind) {
    case 'leaf':
      // Bytes that hash to a leaf stored further on: the event was moved, not rewritten.
      return anomaly.leaf && laterStoredLeaves.has(anomaly.leaf.toString('hex')) ? 'reordered' : 'changed';
    case 'position-gap':
    case 'truncated':
      return 'removed';
    case 'unsigned':
      return 'unsigned-events';
    case 'revision': {
      const event = anomaly.place;
      if (!event || anomaly.expectedRevision === undefined) return 'changed';
      if (event.revision < anomaly.expectedRevision) return 'reordered';
      return laterRevisions.has(streamRevisionKey(event.streamId, anomaly.expectedRevision))
        ? 'reordered'
        : 'removed';
    }
    case 'root':
      // The event is intact but the tree around it is not the one recorded.
      return shorterThanSigned ? 'removed' : 'reordered';
    case 'checkpoint':
      // The stored hashes agree with the events but not with what the node signed: rewritten.
      return shorterThanSigned ? 'removed' : 'changed';
  }
}

/** Signatures, origin and equivocation (two signed roots for one size), before reading any event. */
function checkCheckpoints(
  sorted: readonly SignedCheckpoint[],
  publicKey: KeyObject | string,
  origin: string | undefined,
): Pick<LogVerification, 'reason' | 'detail'> | undefined {
  for (const checkpoint of sorted) {
    if (!verifyCheckpoint(checkpoint, publicKey)) {
      return { reason: 'bad-checkpoint-signature', detail: `checkpoint of size ${checkpoint.size}` };
    }
  }
  const origins = new Set(sorted.map((c) => c.origin));
  if ((origin !== undefined && sorted.some((c) => c.origin !== origin)) || origins.size > 1) {
    return { reason: 'checkpoint-mismatch', detail: `checkpoints name origins ${[...origins].join(', ')}` };
  }
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].size === sorted[i - 1].size && sorted[i].root !== sorted[i - 1].root) {
      return {
        reason: 'checkpoint-mismatch',
        detail: `two different signed roots for size ${sorted[i].size}`,
      };
    }
  }
  return undefined;
}
