import { Inject, Injectable } from '@nestjs/common';
import {
  proveConsistency,
  signEnvelope,
  type CrossBorderEnvelope,
  type UnsignedEnvelope,
} from '@nrm/transnational';
import { CLOCK, Clock } from '@nrm/config/clock';
import { AUDITABLE_LOG, NODE_SIGNER } from '@nrm/application/infrastructure/tokens';
import type { AuditableLog, Ed25519Signer } from '@nrm/event-store';
import { BridgeStateStore } from './bridge-state';
import { BRIDGE_STATE } from './partner-transport.provider';

/** Raised when the log has no signed checkpoint to put in a message (an EventStoreDB node today). */
export class NoSignedCheckpointError extends Error {}

/**
 * Stamps an envelope just before each attempt: the sender's signed checkpoint (the latest when the
 * message is queued; its retries keep that one), the consistency proof from the checkpoint the
 * recipient last received from us, the time of sending, a fresh signature. Stamping at delivery
 * rather than at queueing keeps the proofs right when queued messages are withdrawn (consent,
 * erasure, asylum) and lets a message that waited out a long outage carry a current time (the
 * receiver refuses stale ones). Message id and sealed payload never change.
 */
@Injectable()
export class EnvelopeStamper {
  constructor(
    @Inject(AUDITABLE_LOG) private readonly auditableLog: AuditableLog,
    @Inject(NODE_SIGNER) private readonly signer: Ed25519Signer,
    @Inject(BRIDGE_STATE) private readonly state: BridgeStateStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async stamp(
    envelope: UnsignedEnvelope | CrossBorderEnvelope,
    recipientNodeId: string,
  ): Promise<CrossBorderEnvelope> {
    const received = this.state.checkpoint(recipientNodeId, 'sent');
    // A retry shows the checkpoint the message was first stamped with: a partner that held this node
    // keeps that one as evidence and, once released by its admin, witnesses from it. A newer checkpoint
    // would come with a proof from the older size the partner last acknowledged, and be held again (gap).
    const first = (envelope as Partial<CrossBorderEnvelope>).nrmcheckpoint;
    const checkpoint =
      first && (!received || received.size <= first.size)
        ? first
        : await this.auditableLog.latestCheckpoint();
    if (!checkpoint) throw new NoSignedCheckpointError('the log has no signed checkpoint');
    const fromSize = received && received.size <= checkpoint.size ? received.size : 0;
    const proof = fromSize > 0 ? await proveConsistency(this.auditableLog, fromSize, checkpoint.size) : [];
    const { nrmsignature: _old, ...unsigned } = envelope as CrossBorderEnvelope;
    return signEnvelope(
      {
        ...unsigned,
        time: this.clock.now().toISOString(),
        nrmcheckpoint: checkpoint,
        nrmconsistency: { fromSize, proof },
      },
      this.signer,
    );
  }
}
