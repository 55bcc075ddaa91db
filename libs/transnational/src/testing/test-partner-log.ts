import { randomBytes } from 'node:crypto';
import {
  CheckpointSigner,
  consistencyProof,
  leafHash,
  merkleRoot,
  SignedCheckpoint,
  signCheckpoint,
} from '@nrm/event-store/integrity';

/**
 * A partner's log reduced to its leaf hashes, signed like a node signs its own: enough to build
 * honest extensions, rewritten histories, forks and rollbacks for witnessing tests.
 */
export class TestPartnerLog {
  readonly leaves: Buffer[] = [];

  constructor(
    readonly origin: string,
    private readonly signer: CheckpointSigner,
  ) {}

  get size(): number {
    return this.leaves.length;
  }

  /** Appends `count` random leaves. */
  append(count = 1): this {
    for (let i = 0; i < count; i++) this.leaves.push(leafHash(randomBytes(16)));
    return this;
  }

  /** Replaces leaf `index` (what a node that rewrites its past does). */
  rewrite(index: number): this {
    this.leaves[index] = leafHash(randomBytes(16));
    return this;
  }

  /** A copy of the first `size` leaves: a fork or a rolled-back log. */
  fork(size = this.size): TestPartnerLog {
    const copy = new TestPartnerLog(this.origin, this.signer);
    copy.leaves.push(...this.leaves.slice(0, size));
    return copy;
  }

  /** The signed checkpoint of the first `size` leaves (all by default). */
  checkpoint(
    size = this.size,
    signer: CheckpointSigner = this.signer,
    origin = this.origin,
  ): SignedCheckpoint {
    const root = merkleRoot(this.leaves.slice(0, size)).toString('hex');
    return signCheckpoint({ origin, size, root }, signer);
  }

  /** Hex consistency proof from `fromSize` to the current size (empty from 0 or from the same size). */
  consistencyFrom(fromSize: number, toSize = this.size): string[] {
    if (fromSize === 0 || fromSize === toSize) return [];
    return consistencyProof(this.leaves.slice(0, toSize), fromSize).map((node) => node.toString('hex'));
  }
}
