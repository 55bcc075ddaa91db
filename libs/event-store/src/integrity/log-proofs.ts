import { eventLeafHash } from './canonical-event';
import type { IntegrityLogReader } from './integrity-reader';
import { consistencyProof, inclusionProof } from './merkle';

/** RFC 6962 audit path of one event in the tree of the log's first `treeSize` events. */
export interface EventInclusionProof {
  position: number;
  /** 0-based place of the event in the log (the leaf index; positions are backend-specific). */
  leafIndex: number;
  /** Leaf hash (hex) of the event's canonical bytes. */
  leafHash: string;
  treeSize: number;
  /** Sibling hashes (hex), leaf to root. */
  path: string[];
}

/** A position asked for is not among the log's first `treeSize` events. */
export class EventNotInTreeError extends Error {
  constructor(
    readonly position: number,
    readonly treeSize: number,
  ) {
    super(`no event at position ${position} among the log's first ${treeSize} events`);
    this.name = 'EventNotInTreeError';
  }
}

const PAGE_SIZE = 5000;

/**
 * The leaf hashes of the first `treeSize` events and each position's leaf index. A leaf is hashed from
 * the event's bytes as they are now, so a proof for an event changed behind the log fails to verify.
 */
async function readLeaves(reader: IntegrityLogReader, treeSize: number) {
  const leaves: Buffer[] = [];
  const indexOf = new Map<number, number>();
  let fromPosition: number | undefined;
  while (leaves.length < treeSize) {
    const page = await reader.readIntegrity(fromPosition, Math.min(PAGE_SIZE, treeSize - leaves.length));
    if (page.length === 0) break;
    for (const { event } of page) {
      indexOf.set(event.position, leaves.length);
      leaves.push(eventLeafHash(event));
    }
    fromPosition = page[page.length - 1].event.position;
  }
  if (leaves.length < treeSize) {
    throw new RangeError(`the log holds ${leaves.length} events, fewer than the tree size ${treeSize}`);
  }
  return { leaves, indexOf };
}

/**
 * Inclusion proofs of the events at `positions` in the tree of the first `treeSize` events, read in
 * one pass over the log (an export proves every event of a case against one checkpoint).
 */
export async function eventInclusionProofs(
  reader: IntegrityLogReader,
  positions: readonly number[],
  treeSize: number,
): Promise<Map<number, EventInclusionProof>> {
  const { leaves, indexOf } = await readLeaves(reader, treeSize);
  const proofs = new Map<number, EventInclusionProof>();
  for (const position of positions) {
    const leafIndex = indexOf.get(position);
    if (leafIndex === undefined) throw new EventNotInTreeError(position, treeSize);
    proofs.set(position, {
      position,
      leafIndex,
      leafHash: leaves[leafIndex].toString('hex'),
      treeSize,
      path: inclusionProof(leaves, leafIndex).map((hash) => hash.toString('hex')),
    });
  }
  return proofs;
}

/** RFC 6962 consistency proof (hex) that the tree of `oldSize` events is a prefix of the one of `newSize`. */
export async function logConsistencyProof(
  reader: IntegrityLogReader,
  oldSize: number,
  newSize: number,
): Promise<string[]> {
  if (!Number.isInteger(oldSize) || oldSize < 1 || oldSize > newSize) {
    throw new RangeError(`old size ${oldSize} outside 1..${newSize}`);
  }
  const { leaves } = await readLeaves(reader, newSize);
  return consistencyProof(leaves, oldSize).map((hash) => hash.toString('hex'));
}
