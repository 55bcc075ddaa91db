import { consistencyProof, eventLeafHash, IntegrityLogReader } from '@nrm/event-store/integrity';

const PAGE = 1000;

/**
 * The sender's side of witnessing: the hex consistency proof from the first `fromSize` leaves of this
 * node's log to the first `toSize`, to put in `nrmconsistency`. Reads the leaf hashes the store
 * recorded (recomputing them for adapters that store none) in pages; the proof needs subtree roots
 * over the whole prefix, so this reads `toSize` leaves (32 bytes each) — fine for the embedded
 * store's scale, and only done once per outgoing message.
 */
export async function proveConsistency(
  reader: IntegrityLogReader,
  fromSize: number,
  toSize: number,
): Promise<string[]> {
  if (!Number.isSafeInteger(fromSize) || !Number.isSafeInteger(toSize) || fromSize < 0 || fromSize > toSize) {
    throw new RangeError(`cannot prove consistency from size ${fromSize} to size ${toSize}`);
  }
  if (fromSize === 0 || fromSize === toSize) return [];

  const leaves: Uint8Array[] = [];
  let after: number | undefined;
  while (leaves.length < toSize) {
    const page = await reader.readIntegrity(after, Math.min(PAGE, toSize - leaves.length));
    if (page.length === 0) break;
    for (const record of page) leaves.push(record.leafHash ?? eventLeafHash(record.event));
    after = page[page.length - 1].event.position;
  }
  if (leaves.length < toSize) {
    throw new RangeError(`the log holds ${leaves.length} leaves, fewer than ${toSize}`);
  }
  return consistencyProof(leaves, fromSize).map((node) => Buffer.from(node).toString('hex'));
}
