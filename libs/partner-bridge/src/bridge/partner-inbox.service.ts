import { Inject, Injectable, Logger } from '@nestjs/common';
import { CaseNotFoundError, RuleViolation, sharingBar } from '@nrm/domain';
import type { SignedCheckpoint } from '@nrm/event-store/integrity';
import { DuplicateEventIdError, EVENT_STORE, EventStore } from '@nrm/event-store/port';
import {
  checkPayload,
  commandForMessage,
  judgeIncoming,
  MESSAGE_CATALOGUE,
  openPayload,
  type CrossBorderEnvelope,
  type InboxVerdict,
  type NodeEncryptionKey,
  type Partner,
  type TrmMessageKind,
} from '@nrm/transnational';
import { randomUUID } from 'node:crypto';
import type { Principal } from '@nrm/iam/roles';
import { CaseCommands } from '@nrm/application/cases/case-command-bus';
import { toDomainEvent } from '@nrm/application/cases/case-repository';
import {
  caseStreamId,
  TRM_UNAUTHENTICATED_STREAM,
  trmStreamOf,
  URGENT_ALERTS_STREAM,
  type UrgentAlertReceivedData,
} from '@nrm/contracts';
import { EventWriter } from '@nrm/application/log/event-writer';
import { CLOCK, Clock } from '@nrm/config/clock';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import { NODE_ENCRYPTION_KEY } from '@nrm/application/infrastructure/tokens';
import { PartnerRegistryService } from '../registry/partner-registry.service';
import { BridgeStateStore, CrossBorderLink } from './bridge-state';
import { BRIDGE_STATE } from './partner-transport.provider';
import { derivedEventId, entryFor, JOURNAL_TYPES, kindOf, TrmJournal } from './trm-journal';

const DAY_MS = 24 * 3_600_000;

const member = (input: unknown, name: string): string | undefined => {
  const value =
    typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value.slice(0, 128) : undefined;
};

/**
 * The receiving side of the partner bridge: judges each envelope (libs/transnational inbox policy),
 * opens and checks its payload against the agreement, applies it to the local case as the partner
 * node, and records the verdict in the log. One message at a time: witnessing needs the partner's
 * checkpoints in order, and a retry must find the first attempt's records.
 */
@Injectable()
export class PartnerInboxService {
  private readonly logger = new Logger('PartnerBridge');
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(NODE_ENCRYPTION_KEY) private readonly encryptionKey: NodeEncryptionKey,
    @Inject(BRIDGE_STATE) private readonly state: BridgeStateStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    private readonly registry: PartnerRegistryService,
    private readonly commands: CaseCommands,
    private readonly journal: TrmJournal,
    private readonly writer: EventWriter,
  ) {}

  receive(input: unknown): Promise<InboxVerdict> {
    const next = this.queue.then(() => this.judgeAndApply(input));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async judgeAndApply(input: unknown): Promise<InboxVerdict> {
    const now = this.clock.now().toISOString();
    const { state: registry } = await this.registry.state();
    const claimedId = member(input, 'id');
    const claimedSender = member(input, 'nrmsender');
    if (claimedSender) this.applyRelease(claimedSender, registry.releases.get(claimedSender));
    const lastWitnessed = claimedSender ? this.state.checkpoint(claimedSender, 'witnessed') : undefined;
    const judged = judgeIncoming(input, {
      localNodeId: this.config.nodeId,
      partners: registry.partners,
      now,
      alreadySeen: claimedId !== undefined && this.state.seen(claimedId),
      lastWitnessed,
      maxMessageAgeMs: this.config.partnerMaxMessageAgeDays * DAY_MS,
    });
    switch (judged.verdict) {
      case 'duplicate':
        // A replay (or a retry after a lost answer) is recorded as such; the first record stands.
        await this.journal.record(trmStreamOf(claimedSender ?? 'unknown'), JOURNAL_TYPES.refused, {
          messageId: claimedId,
          partnerNodeId: claimedSender,
          sharedCaseRef: member(input, 'subject'),
          direction: 'incoming',
          outcome: 'duplicate',
        });
        return { outcome: 'duplicate' };
      case 'reject':
        if (judged.envelope && judged.witnessed)
          this.state.setCheckpoint(judged.envelope.nrmsender, 'witnessed', judged.witnessed);
        if (!judged.envelope) {
          await this.journal.record(TRM_UNAUTHENTICATED_STREAM, JOURNAL_TYPES.refused, {
            messageId: claimedId,
            claimedSender,
            direction: 'incoming',
            outcome: `rejected:${judged.reason}`,
            detail: judged.detail.slice(0, 500),
          });
          this.logger.warn(
            `refused a message (${judged.reason}) claiming to come from ${claimedSender ?? '?'}`,
          );
          return { outcome: 'rejected', reason: judged.reason };
        }
        return this.refuse(judged.envelope, judged.reason, judged.detail);
      case 'hold': {
        const { envelope } = judged;
        if (judged.witnessed) this.state.setCheckpoint(envelope.nrmsender, 'witnessed', judged.witnessed);
        if (judged.reason === 'witness-failed') {
          await this.registry.execute(
            {
              type: 'HoldPartner',
              nodeId: envelope.nrmsender,
              reason: judged.witness?.status ?? 'witness-failed',
              detail: judged.witness?.detail ?? judged.detail,
              ...(lastWitnessed ? { previous: lastWitnessed } : {}),
              presented: envelope.nrmcheckpoint,
            },
            { userId: `node:${this.config.nodeId}`, role: 'node' },
          );
          this.logger.error(`partner ${envelope.nrmsender} held: ${judged.detail}`);
        }
        // The sender keeps the message and retries; it is applied once an admin released the partner.
        return { outcome: 'unavailable', reason: 'partner held' };
      }
      case 'accept':
        this.state.setCheckpoint(judged.envelope.nrmsender, 'witnessed', judged.envelope.nrmcheckpoint);
        return this.apply(judged.envelope, registry.partners.get(judged.envelope.nrmsender) as Partner, now);
    }
  }

  /** After an admin released a held partner, witnessing continues from the history they accepted. */
  private applyRelease(
    nodeId: string,
    release: { count: number; baseline?: SignedCheckpoint } | undefined,
  ): void {
    if (!release || release.count <= (this.state.position(`release:${nodeId}`) ?? 0)) return;
    this.state.setCheckpoint(nodeId, 'witnessed', release.baseline);
    this.state.setPosition(`release:${nodeId}`, release.count);
  }

  private async apply(envelope: CrossBorderEnvelope, partner: Partner, now: string): Promise<InboxVerdict> {
    const kind = kindOf(envelope);
    if (MESSAGE_CATALOGUE[kind].purpose !== envelope.nrmpurpose)
      return this.refuse(envelope, 'malformed', `${kind} travels for ${MESSAGE_CATALOGUE[kind].purpose}`);
    let payload: Record<string, unknown>;
    try {
      payload = openPayload(envelope.data, this.encryptionKey.privateKey, envelope.id);
    } catch {
      return this.refuse(envelope, 'malformed', 'the payload does not open with this node’s key');
    }
    const checked = checkPayload(kind, payload, partner.agreement);
    if (!checked.ok) return this.refuse(envelope, checked.reason, checked.detail);
    if (kind === 'alert.urgent') return this.receiveUrgentAlert(envelope, payload, partner, now);

    let link = this.state.link(envelope.subject);
    if (link && link.partnerNodeId !== partner.nodeId)
      return this.refuse(envelope, 'unknown-case', 'the shared case reference belongs to another partner');
    if (!link) {
      if (kind !== 'handover.proposed')
        return this.refuse(envelope, 'unknown-case', 'no case shares this reference');
      link = {
        sharedCaseRef: envelope.subject,
        handoverId: String(payload.handoverId),
        caseId: randomUUID(),
        partnerNodeId: partner.nodeId,
        partnerCountry: partner.country,
        side: 'origin',
      };
      this.state.addLink(link);
      await this.journal.record(
        trmStreamOf(partner.nodeId),
        JOURNAL_TYPES.linked,
        link,
        derivedEventId(link.sharedCaseRef, 'link'),
      );
    }
    const refusal = await this.applyToCase(link, envelope, payload, partner, now);
    if (refusal) {
      await this.refuse(envelope, refusal.reason, refusal.detail);
      // The partner learns that the step was not applied, never which rule stopped it (an asylum
      // application must not reach the country of origin, not even as a reason).
      return {
        outcome: 'rejected',
        reason: refusal.reason.startsWith('rule:') ? 'not-applicable' : refusal.reason,
      };
    }
    await this.journal.record(
      trmStreamOf(partner.nodeId),
      JOURNAL_TYPES.received,
      entryFor(envelope, 'incoming', 'accepted'),
      derivedEventId(envelope.id, 'received'),
    );
    this.state.markSeen(envelope.id, now);
    this.logger.log(`accepted ${kind} from ${partner.nodeId}`);
    return { outcome: 'accepted' };
  }

  /**
   * An urgent alert (CETS 197 art. 33) needs no link and no case: it is recorded in the node's
   * `alerts` stream, where every operator sees it first. It names this node's case only when the
   * sender's consent let it carry the shared reference of a case linked with that sender.
   */
  private async receiveUrgentAlert(
    envelope: CrossBorderEnvelope,
    payload: Record<string, unknown>,
    partner: Partner,
    now: string,
  ): Promise<InboxVerdict> {
    if (payload.alertId !== envelope.subject)
      return this.refuse(envelope, 'malformed', 'alertId must be the message subject');
    const ref = typeof payload.sharedCaseRef === 'string' ? payload.sharedCaseRef : undefined;
    const link = ref ? this.state.link(ref) : undefined;
    const caseId = link && link.partnerNodeId === partner.nodeId ? link.caseId : undefined;
    const data: UrgentAlertReceivedData = {
      alertId: envelope.subject,
      messageId: envelope.id,
      fromNode: partner.nodeId,
      fromCountry: partner.country,
      subject: String(payload.subject),
      danger: String(payload.danger),
      raisedAt: String(payload.raisedAt),
      receivedAt: now,
      ...(caseId ? { caseId } : {}),
    };
    try {
      await this.writer.append(URGENT_ALERTS_STREAM, [{ type: 'UrgentAlertReceived', data }], 'any', {
        actor: { userId: `partner:${partner.nodeId}`, role: 'partner_node' },
        correlationId: envelope.id,
        causationId: envelope.id,
        eventId: () => derivedEventId(envelope.id, 'alert'),
      });
    } catch (error) {
      // A retry after a crash halfway: the alert is recorded already.
      if (!(error instanceof DuplicateEventIdError)) throw error;
    }
    await this.journal.record(
      trmStreamOf(partner.nodeId),
      JOURNAL_TYPES.received,
      entryFor(envelope, 'incoming', 'accepted'),
      derivedEventId(envelope.id, 'received'),
    );
    this.state.markSeen(envelope.id, now);
    this.logger.warn(`urgent alert ${envelope.subject} from ${partner.nodeId}: ${data.danger}`);
    return { outcome: 'accepted' };
  }

  /** Applies the message's command as the partner node; undefined when applied (now or by an earlier attempt). */
  private async applyToCase(
    link: CrossBorderLink,
    envelope: CrossBorderEnvelope,
    payload: Record<string, unknown>,
    partner: Partner,
    now: string,
  ): Promise<{ reason: string; detail: string } | undefined> {
    const eventId = (index: number) => derivedEventId(envelope.id, `effect:${index}`);
    const stream = await this.store.readStream(caseStreamId(link.caseId));
    if (stream.some((e) => e.id === eventId(0))) return undefined;
    // The partner asked this node to restrict what it holds about the person: nothing more is taken in.
    if (
      link.side === 'origin' &&
      sharingBar(stream.map(toDomainEvent), 'origin', partner.country, 'return') === 'restricted'
    )
      return { reason: 'restricted', detail: 'the partner asked this node to restrict the case' };
    const command = commandForMessage(kindOf(envelope) as Exclude<TrmMessageKind, 'alert.urgent'>, payload, {
      caseId: link.caseId,
      at: now,
      sharedCaseRef: link.sharedCaseRef,
      fromCountry: partner.country,
      fromNode: partner.nodeId,
    });
    const actor = {
      userId: `partner:${partner.nodeId}`,
      role: 'partner_node' as const,
      agency: this.config.partnerReceivingAgency,
    };
    try {
      await this.commands.sendStamped(command, {
        principal: { userId: actor.userId, username: actor.userId } as Principal,
        correlationId: envelope.id,
        causationId: envelope.id,
        partnerMessage: { actor, eventId },
      });
      return undefined;
    } catch (error) {
      if (error instanceof RuleViolation) return { reason: `rule:${error.rule}`, detail: error.message };
      if (error instanceof CaseNotFoundError)
        return { reason: 'unknown-case', detail: 'the case is not on this node' };
      throw error;
    }
  }

  private async refuse(envelope: CrossBorderEnvelope, reason: string, detail: string): Promise<InboxVerdict> {
    await this.journal.record(
      trmStreamOf(envelope.nrmsender),
      JOURNAL_TYPES.refused,
      entryFor(envelope, 'incoming', `rejected:${reason}`, detail.slice(0, 500)),
      derivedEventId(envelope.id, 'received'),
    );
    this.state.markSeen(envelope.id, this.clock.now().toISOString());
    this.logger.warn(`refused ${envelope.type} from ${envelope.nrmsender}: ${reason}`);
    return { outcome: 'rejected', reason };
  }
}
