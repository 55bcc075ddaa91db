import { Inject, Injectable, Logger } from '@nestjs/common';
import type { StoredEvent, Subscription } from '@nrm/event-store/port';
import { EVENT_STORE, EventStore } from '@nrm/event-store/port';
import { PERSONAL_DATA_ERASED } from '@nrm/domain';
import {
  judgeOutgoing,
  judgeUrgentAlert,
  partnerForCountry,
  routeOutgoing,
  sealPayload,
  TRM_TYPE_PREFIX,
  type CaseFact,
  type Delivery,
  type Partner,
  type Payload,
  type TrmMessageKind,
  type TrmPurpose,
} from '@nrm/transnational';
import { toDomainEvent } from '@nrm/application/cases/case-repository';
import { AccessLog } from '@nrm/application/access-log/access-log';
import { caseIdOfStream, caseStreamId, trmStreamOf } from '@nrm/contracts';
import { CLOCK, Clock } from '@nrm/config/clock';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import { AUDITABLE_LOG } from '@nrm/application/infrastructure/tokens';
import type { AuditableLog } from '@nrm/event-store';
import { PartnerRegistryService } from '../registry/partner-registry.service';
import { BridgeStateStore, CrossBorderLink } from './bridge-state';
import { CaseFactsReader } from './case-facts';
import { EnvelopeStamper } from './envelope-stamper';
import { BRIDGE_STATE, PARTNER_TRANSPORT, PartnerTransport } from './partner-transport.provider';
import { derivedEventId, entryFor, JOURNAL_TYPES, TrmJournal } from './trm-journal';

const POSITION = 'outgoing-dispatcher';
/** Refusals given before the recipient verified our signature: it kept nothing of that message's checkpoint. */
const UNAUTHENTICATED_REJECTIONS = new Set([
  'malformed',
  'unknown-sender',
  'bad-signature',
  'wrong-recipient',
  'partner-removed',
]);
const RESTART_DELAY_MS = 1000;
/**
 * The longest the saved position may lag behind events that needed nothing of the bridge. Saving it
 * syncs the bridge's database; for every event, that was a fifth of the node's CPU under load.
 */
const IDLE_POSITION_SAVE_MS = 1000;
/** Events the bridge acts on even for a case without a link to a partner. */
const ACTING_TYPES = new Set(['HandoverProposed', 'UrgentAlertRaised', 'AsylumApplicationRecorded']);

/**
 * Turns this node's case events into messages for partner nodes. Reads the log from its own
 * checkpoint, so nothing is missed across restarts, and derives each message id from the event, so a
 * replayed event queues nothing twice (the outbox is idempotent by id). What may go is decided by the
 * outgoing policy (routeOutgoing, judgeOutgoing): this service gathers the facts it needs and acts on
 * its verdict. What does not pass is recorded as withheld, so auditors see what was NOT shared and why.
 */
@Injectable()
export class OutgoingDispatcher {
  private readonly logger = new Logger('PartnerBridge');
  private subscription?: Subscription;
  private restartTimer?: NodeJS.Timeout;
  private running = false;
  private positionSavedAt = 0;
  /** The last event handled (saved or not): how far the bridge has read the log. */
  handledPosition = 0;
  /** The position reached past the saved one, by events that needed nothing (replaying them does nothing). */
  private unsavedPosition?: number;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AUDITABLE_LOG) private readonly auditableLog: AuditableLog,
    @Inject(BRIDGE_STATE) private readonly state: BridgeStateStore,
    @Inject(PARTNER_TRANSPORT) private readonly transport: PartnerTransport,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    private readonly registry: PartnerRegistryService,
    private readonly facts: CaseFactsReader,
    private readonly journal: TrmJournal,
    private readonly accessLog: AccessLog,
    private readonly stamper: EnvelopeStamper,
  ) {}

  start(): void {
    this.running = true;
    this.subscribe();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.restartTimer);
    await this.subscription?.stop();
    if (this.unsavedPosition !== undefined) this.savePosition(this.unsavedPosition);
  }

  /** Records the end of delivery of a message this node sent. */
  async delivered(delivery: Delivery): Promise<void> {
    const { verdict, envelope } = delivery;
    // What the recipient has now witnessed of our log: the next message's proof starts there.
    if (verdict.outcome !== 'rejected' || !UNAUTHENTICATED_REJECTIONS.has(verdict.reason))
      this.state.setCheckpoint(delivery.recipientNodeId, 'sent', envelope.nrmcheckpoint);
    const outcome = verdict.outcome === 'rejected' ? `rejected:${verdict.reason}` : verdict.outcome;
    await this.journal.record(
      trmStreamOf(delivery.recipientNodeId),
      JOURNAL_TYPES.sent,
      { ...entryFor(envelope, 'outgoing', outcome), attempts: delivery.attempts },
      derivedEventId(envelope.id, 'sent'),
    );
  }

  private subscribe(): void {
    const from = this.state.position(POSITION);
    this.subscription = this.store.subscribeToAll(
      async (event) => {
        const acted = await this.handle(event);
        this.handledPosition = event.position;
        // After an event the bridge acted on, the position is saved at once: it must not act twice.
        if (acted || Date.now() - this.positionSavedAt >= IDLE_POSITION_SAVE_MS)
          this.savePosition(event.position);
        else this.unsavedPosition = event.position;
      },
      { fromPosition: from, onError: (error) => this.restart(error) },
    );
  }

  private restart(error: Error): void {
    if (!this.running) return;
    this.logger.error(`partner dispatcher failed, resuming from its checkpoint: ${error.message}`);
    const failed = this.subscription;
    this.subscription = undefined;
    void failed?.stop().catch(() => undefined);
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => this.running && this.subscribe(), RESTART_DELAY_MS);
  }

  private savePosition(position: number): void {
    this.state.setPosition(POSITION, position);
    this.positionSavedAt = Date.now();
    this.unsavedPosition = undefined;
  }

  /** Whether the event may have made the bridge act (send, open a link): false only when it surely did not. */
  private async handle(event: StoredEvent): Promise<boolean> {
    const caseId = caseIdOfStream(event.streamId);
    // Events a partner's message caused are not echoed back to it.
    if (!caseId || event.actor.role === 'partner_node') return false;
    if (event.type === 'HandoverProposed') await this.openLink(caseId, event);
    if (event.type === 'UrgentAlertRaised') await this.sendUrgentAlert(caseId, event);
    if (event.type === 'AsylumApplicationRecorded') await this.withdrawUrgentAlerts(caseId, event);
    const links = this.state.linksOfCase(caseId);
    for (const link of links) await this.handleForLink(link, event);
    return ACTING_TYPES.has(event.type) || links.length > 0;
  }

  /**
   * An urgent alert (CETS 197 art. 33) goes to the partner of its country at once, on no link and
   * under a reference of its own (the alert id): judgeUrgentAlert decides whether it goes and whether
   * it may name the case's shared reference. No personal part is read (an alert carries codes only).
   */
  private async sendUrgentAlert(caseId: string, event: StoredEvent): Promise<void> {
    const { alertId, toCountry } = event.data as { alertId: string; toCountry: string };
    const { state } = await this.registry.state();
    const partner = partnerForCountry(state, toCountry);
    if (!partner) {
      // Nothing to record it under: the case's alert list shows it as having no partner node.
      this.logger.warn(`urgent alert ${alertId}: no partner node for ${toCountry}`);
      return;
    }
    const history = (await this.store.readStream(caseStreamId(caseId)))
      .filter((e) => e.position <= event.position)
      .map((e) => {
        const { type, data } = toDomainEvent(e);
        return { type, data } as CaseFact;
      });
    const link = this.state
      .linksOfCase(caseId)
      .filter((l) => l.partnerNodeId === partner.nodeId)
      .pop();
    const judgement = judgeUrgentAlert({
      history,
      partner,
      ...(link ? { sharedCaseRef: link.sharedCaseRef } : {}),
      signedCheckpoint: Boolean(await this.auditableLog.latestCheckpoint()),
    });
    const route = { sharedCaseRef: alertId, partnerNodeId: partner.nodeId };
    if (judgement.verdict === 'withhold')
      return this.withhold(route, event, 'alert.urgent', judgement.reason);
    const id = derivedEventId(event.id, `message:${alertId}:alert.urgent`);
    await this.dispatch(judgement.partner, alertId, 'alert.urgent', 'protection', judgement.payload, id);
  }

  /** An asylum application drops the case's urgent alerts still queued (they travel on no link). */
  private async withdrawUrgentAlerts(caseId: string, event: StoredEvent): Promise<void> {
    const alerts = (await this.store.readStream(caseStreamId(caseId))).filter(
      (e) => e.type === 'UrgentAlertRaised' && e.position < event.position,
    );
    const { state } = await this.registry.state();
    for (const alert of alerts) {
      const { alertId, toCountry } = alert.data as { alertId: string; toCountry: string };
      const dropped = await this.transport.withdraw(alertId);
      const partner = partnerForCountry(state, toCountry);
      if (dropped > 0 && partner)
        await this.withhold(
          { sharedCaseRef: alertId, partnerNodeId: partner.nodeId },
          event,
          'alert.urgent',
          'asylum',
          `${dropped} queued message(s) dropped`,
        );
    }
  }

  private async openLink(caseId: string, event: StoredEvent): Promise<void> {
    const { sharedCaseRef, toCountry, handoverId } = event.data as {
      sharedCaseRef?: string;
      toCountry: string;
      handoverId: string;
    };
    if (!sharedCaseRef) return;
    const { state } = await this.registry.state();
    // No partner node for that country: the return officer records its answers by hand, as before.
    const partner = partnerForCountry(state, toCountry);
    if (!partner) return;
    const link: CrossBorderLink = {
      sharedCaseRef,
      handoverId,
      caseId,
      partnerNodeId: partner.nodeId,
      partnerCountry: partner.country,
      side: 'destination',
    };
    if (this.state.addLink(link))
      await this.journal.record(
        trmStreamOf(partner.nodeId),
        JOURNAL_TYPES.linked,
        link,
        derivedEventId(sharedCaseRef, 'link'),
      );
  }

  private async handleForLink(link: CrossBorderLink, event: StoredEvent): Promise<void> {
    const route = routeOutgoing(link, {
      type: event.type,
      data: event.data,
      erasesPersonalData: event.type === PERSONAL_DATA_ERASED,
    });
    const dropped = route.withdrawQueued ? await this.transport.withdraw(link.sharedCaseRef) : 0;
    if (route.route === 'withhold')
      await this.withhold(link, event, route.kind, route.reason, `${dropped} queued message(s) dropped`);
    if (route.route === 'message') await this.send(link, event, route.kind);
  }

  private async send(link: CrossBorderLink, event: StoredEvent, kind: TrmMessageKind): Promise<void> {
    const now = this.clock.now().toISOString();
    const { facts } = await this.facts.read(link.caseId, event.position);
    const { state } = await this.registry.state();
    const judgement = judgeOutgoing({
      kind,
      link,
      history: facts,
      partner: state.partners.get(link.partnerNodeId),
      now,
      // Witnessing needs signed checkpoints (the embedded store signs every append; EventStoreDB does not yet).
      signedCheckpoint: Boolean(await this.auditableLog.latestCheckpoint()),
    });
    if (judgement.verdict === 'withhold') return this.withhold(link, event, kind, judgement.reason);
    const { partner, purpose, payload } = judgement;
    if (judgement.carriesPersonalData) {
      // The bridge read the person's data to send it: that read is in the access log like any other.
      await this.accessLog.record(
        { userId: `node:${this.config.nodeId}`, role: 'partner_bridge' },
        link.caseId,
        `partner_${purpose}_${partner.country.toLowerCase()}`,
        'partner',
      );
    }
    const id = derivedEventId(event.id, `message:${link.sharedCaseRef}:${kind}`);
    await this.dispatch(partner, link.sharedCaseRef, kind, purpose, payload, id);
  }

  /** Seals, stamps and queues one message: the one path every message (handover step or alert) takes. */
  private async dispatch(
    partner: Partner,
    subject: string,
    kind: TrmMessageKind,
    purpose: TrmPurpose,
    payload: Payload,
    id: string,
  ): Promise<void> {
    const envelope = await this.stamper.stamp(
      {
        specversion: '1.0',
        id,
        source: `urn:nrm:node:${this.config.nodeId}`,
        type: `${TRM_TYPE_PREFIX}${kind}`,
        subject,
        time: this.clock.now().toISOString(),
        datacontenttype: 'application/json',
        nrmsender: this.config.nodeId,
        nrmrecipient: partner.nodeId,
        nrmpurpose: purpose,
        nrmcheckpoint: undefined as never, // stamped
        nrmconsistency: { fromSize: 0, proof: [] },
        data: sealPayload(payload, partner.encryptionKeyPem, id),
      },
      partner.nodeId,
    );
    await this.transport.send(partner, envelope);
    this.logger.log(`queued ${kind} for ${partner.nodeId}`);
  }

  private async withhold(
    link: Pick<CrossBorderLink, 'sharedCaseRef' | 'partnerNodeId'>,
    event: StoredEvent,
    kind: TrmMessageKind | 'any',
    reason: string,
    detail?: string,
  ): Promise<void> {
    await this.journal.record(
      trmStreamOf(link.partnerNodeId),
      JOURNAL_TYPES.withheld,
      {
        kind,
        sharedCaseRef: link.sharedCaseRef,
        partnerNodeId: link.partnerNodeId,
        direction: 'outgoing',
        outcome: `withheld:${reason}`,
        ...(detail ? { detail } : {}),
        causedBy: event.type,
      },
      derivedEventId(event.id, `withheld:${link.sharedCaseRef}`),
    );
  }
}
