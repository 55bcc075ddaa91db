import { eventLeafHash } from './canonical-event';
import type { IntegrityLogReader } from './integrity-reader';
import { consistencyProof, inclusionProof, MerkleTreeIndex } from './merkle';

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
 * The leaf hashes of the first `treeSize` events and each position's leaf index: the hashes stored at
 * append time where the store keeps them (no event is read), else hashed from the events. Either
 * way a proof for an event changed behind the log no longer leads to the signed root, and whoever
 * checks it hashes the event's own bytes.
 */
async function readLeaves(reader: IntegrityLogReader, treeSize: number) {
  const leaves: Uint8Array[] = [];
  const indexOf = new Map<number, number>();
  const page = async (from: number | undefined, limit: number) =>
    reader.readLeafHashes
      ? reader.readLeafHashes(from, limit)
      : (await reader.readIntegrity(from, limit)).map(({ event }) => ({
          position: event.position,
          leafHash: eventLeafHash(event),
        }));
  let fromPosition: number | undefined;
  while (leaves.length < treeSize) {
    const records = await page(fromPosition, Math.min(PAGE_SIZE, treeSize - leaves.length));
    if (records.length === 0) break;
    for (const { position, leafHash } of records) {
      indexOf.set(position, leaves.length);
      leaves.push(leafHash);
    }
    fromPosition = records[records.length - 1].position;
  }
  if (leaves.length < treeSize) {
    throw new RangeError(`the log holds ${leaves.length} events, fewer than the tree size ${treeSize}`);
  }
  return { tree: new MerkleTreeIndex(leaves), indexOf };
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
  const { tree, indexOf } = await readLeaves(reader, treeSize);
  const proofs = new Map<number, EventInclusionProof>();
  for (const position of positions) {
    const leafIndex = indexOf.get(position);
    if (leafIndex === undefined) throw new EventNotInTreeError(position, treeSize);
    proofs.set(position, {
      position,
      leafIndex,
      leafHash: tree.root(leafIndex, leafIndex + 1).toString('hex'),
      treeSize,
      path: inclusionProof(tree, leafIndex).map((hash) => hash.toString('hex')),
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
  const { tree } = await readLeaves(reader, newSize);
  return consistencyProof(tree, oldSize).map((hash) => hash.toString('hex'));
}
