import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, InvalidRequestError, NotFoundError } from '@nrm/common/errors';
import {
  AuditableLog,
  Ed25519Signer,
  EventNotInTreeError,
  eventInclusionProofs,
  logConsistencyProof,
  SignedCheckpoint,
} from '@nrm/event-store';
import type { StoredEvent } from '@nrm/event-store/port';
import { AUDITABLE_LOG, NODE_SIGNER } from '../../infrastructure/tokens';
import type { CheckpointPage, ConsistencyProofAnswer, EventProofAnswer } from './log-proofs.answers';

/**
 * The proofs an auditor takes away: an event's inclusion in a signed tree head, one signed tree head
 * being a prefix of another, and the list of signed tree heads. Each answer carries the node's public
 * key so that it can be checked without the node (npx nrm-verify).
 */
@Injectable()
export class LogProofs {
  constructor(
    @Inject(AUDITABLE_LOG) private readonly log: AuditableLog,
    @Inject(NODE_SIGNER) private readonly signer: Ed25519Signer,
  ) {}

  /** `page` (1-based) of `limit` checkpoints of size >= fromSize. */
  async checkpoints(fromSize: number, limit: number, page = 1): Promise<CheckpointPage> {
    const answer = await this.log.pageCheckpoints(fromSize, limit, (page - 1) * limit);
    return { ...answer, ...this.key() };
  }

  /** Against the checkpoint of `treeSize`, or the latest one. */
  async eventProof(position: number, treeSize?: number): Promise<EventProofAnswer> {
    const checkpoint = await this.checkpoint(treeSize);
    const event = await this.eventAt(position);
    const proofs = await eventInclusionProofs(this.log, [position], checkpoint.size).catch((error) => {
      if (error instanceof EventNotInTreeError) {
        throw new InvalidRequestError(
          `the event at position ${position} was appended after the checkpoint of size ${checkpoint.size}`,
        );
      }
      throw error;
    });
    const proof = proofs.get(position);
    if (!proof) throw new Error(`no proof computed for position ${position}`);
    return {
      format: 'nrm-event-proof',
      formatVersion: 1,
      event,
      inclusion: { leafIndex: proof.leafIndex, leafHash: proof.leafHash, path: proof.path },
      checkpoint,
      ...this.key(),
    };
  }

  /** From the checkpoint of `fromSize` to the one of `toSize` (the latest when not given). */
  async consistencyProof(fromSize: number, toSize?: number): Promise<ConsistencyProofAnswer> {
    const to = await this.checkpoint(toSize);
    const from = await this.checkpoint(fromSize);
    if (from.size > to.size) {
      throw new InvalidRequestError(`from (${from.size}) is larger than to (${to.size})`);
    }
    const path = from.size === 0 ? [] : await logConsistencyProof(this.log, from.size, to.size);
    return { format: 'nrm-consistency-proof', formatVersion: 1, from, to, path, ...this.key() };
  }

  private key() {
    return { publicKey: this.signer.publicKeyPem, publicKeyId: this.signer.keyId };
  }

  private async checkpoint(size?: number): Promise<SignedCheckpoint> {
    const checkpoint =
      size === undefined ? await this.log.latestCheckpoint() : await this.log.checkpointAt(size);
    if (checkpoint) return checkpoint;
    if (size === undefined) throw new ConflictError('the log has no signed checkpoint yet');
    throw new NotFoundError(`no signed checkpoint of size ${size}`);
  }

  private async eventAt(position: number): Promise<StoredEvent> {
    const [record] = await this.log.readIntegrity(position - 1, 1);
    if (!record || record.event.position !== position) {
      throw new NotFoundError(`no event at position ${position}`);
    }
    return record.event;
  }
}
