import { Position } from '@eventstore/db-client';

/**
 * The port's `position` is a number; EventStoreDB's is a {commit, prepare} pair of unsigned 64-bit
 * integers. Commit positions are byte offsets in the transaction log, so Number() is exact up to
 * Number.MAX_SAFE_INTEGER bytes (about 9 PB of log), far beyond any NRM node; past it we refuse
 * rather than round.
 *
 * Only the commit number is kept. That is enough because every event written by a (gRPC) append is a
 * "committed prepare": the server reports it at {commit: p, prepare: p} where p is the record's own log
 * position (KurrentDB AllReader; positions on stream reads since server 22.6), so p alone names one
 * event and {p, p} is a valid place to start reading. Events of legacy explicit transactions (TCP API)
 * share one commit position; the adapter refuses to deliver those rather than skip some of them.
 */
export function positionNumber(position: Position): number {
  if (position.commit < 0n || position.commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`EventStoreDB commit position ${position.commit} does not fit in a safe integer`);
  }
  return Number(position.commit);
}

/** The read position of the event the port calls `position` (see positionNumber for why prepare = commit). */
export function readPositionOf(position: number): Position {
  return { commit: BigInt(position), prepare: BigInt(position) };
}

/** Non-negative safe integer, or undefined. */
export function checkPosition(position: number | undefined, name: string): number | undefined {
  if (position === undefined) return undefined;
  if (!Number.isSafeInteger(position) || position < 0)
    throw new RangeError(`${name} must be a non-negative integer`);
  return position;
}
