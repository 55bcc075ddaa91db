import { Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  CrossBorderEnvelope,
  HttpPartnerTransport,
  KafkaPartnerTransport,
  OutboxPartnerTransport,
  PartnerTransport,
} from '@nrm/transnational';
import { join } from 'node:path';
import { AccessLogModule } from '@nrm/application/access-log/access-log.module';
import { ReturnReintegrationCommandsModule } from '@nrm/application/return-reintegration/return-reintegration.module';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import { ProcessLock } from '@nrm/application/infrastructure/process-lock';
import { PartnerRegistryService } from '../registry/partner-registry.service';
import { PartnersModule } from '../registry/partners.module';
import { BridgeStateStore } from './bridge-state';
import { SqliteBridgeState } from './sqlite-bridge-state';
import { CaseFactsReader } from './case-facts';
import { EnvelopeStamper } from './envelope-stamper';
import { HandoverHistoryController } from './handover-history.controller';
import { UrgentAlertsController } from '../alerts/urgent-alerts.controller';
import { OutgoingDispatcher } from './outgoing-dispatcher';
import { PartnerInboxController } from './partner-inbox.controller';
import { PartnerJournalController } from './partner-journal.controller';
import { IntegrityReportController } from './integrity-report.controller';
import { PartnerInboxService } from './partner-inbox.service';
import { BRIDGE_STATE, PARTNER_TRANSPORT } from './partner-transport.provider';
import { TrmJournal } from './trm-journal';

export const PARTNER_OUTBOX_FILE = 'partner-outbox.sqlite';
export const PARTNER_BRIDGE_LOCK_FILE = 'partner-bridge.lock';
/** How often the registry is re-read, so that a change made by another process reaches the transport. */
const REGISTRY_REFRESH_MS = 5000;

function openTransport(
  config: NodeConfig,
  registry: PartnerRegistryService,
  stamper: EnvelopeStamper,
): PartnerTransport {
  const common = {
    prepare: (envelope: CrossBorderEnvelope, recipient: string) => stamper.stamp(envelope, recipient),
    outboxFile: join(config.dataDir, PARTNER_OUTBOX_FILE),
    resolvePartner: (nodeId: string) => registry.latest.partners.get(nodeId),
    backoff: { initialMs: config.partnerRetryMs, maxMs: config.partnerRetryMaxMs },
    onError: (error: Error) => new Logger('PartnerBridge').warn(`partner delivery: ${error.message}`),
  };
  if (!config.kafkaBrokers) return new HttpPartnerTransport(common);
  return new KafkaPartnerTransport({
    ...common,
    nodeId: config.nodeId,
    brokers: config.kafkaBrokers,
    topicPrefix: config.kafkaTopicPrefix,
    listPartners: async () => [...(await registry.state()).state.partners.values()],
  });
}

/** Wires the bridge's parts and runs them for the life of the process. */
class PartnerBridgeLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private readonly lock: ProcessLock;

  constructor(
    @Inject(PARTNER_TRANSPORT) private readonly transport: PartnerTransport,
    @Inject(BRIDGE_STATE) private readonly state: BridgeStateStore,
    private readonly registry: PartnerRegistryService,
    private readonly inbox: PartnerInboxService,
    private readonly dispatcher: OutgoingDispatcher,
    @Inject(NODE_CONFIG) config: NodeConfig,
  ) {
    this.lock = new ProcessLock(join(config.dataDir, PARTNER_BRIDGE_LOCK_FILE));
  }

  async onApplicationBootstrap(): Promise<void> {
    // One bridge per node: a second one would send the same outbox out of order.
    this.lock.acquire();
    await this.registry.state();
    const transport = this.transport;
    this.registry.onChange(() => {
      // A new endpoint, a released or re-added partner: its waiting queue is tried now, not at its next backoff.
      if (transport instanceof OutboxPartnerTransport) transport.retryNow();
      if (transport instanceof KafkaPartnerTransport) void transport.refreshPartners().catch(() => undefined);
    });
    await this.transport.start(
      (body) => this.inbox.receive(body),
      (delivery) => this.dispatcher.delivered(delivery),
    );
    this.dispatcher.start();
    this.timer = setInterval(() => void this.registry.state().catch(() => undefined), REGISTRY_REFRESH_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.dispatcher.stop();
    await this.transport.close();
    this.state.close();
    this.lock.release();
  }
}

/**
 * The partner bridge: the only way partner nodes reach this node (docs/transnational.md). Sends this
 * node's handover steps to partners and applies theirs, over HTTP (embedded default) or Kafka.
 */
@Module({
  // Partner messages become return and reintegration commands: that context's handler runs here.
  imports: [PartnersModule, AccessLogModule, ReturnReintegrationCommandsModule],
  controllers: [
    PartnerInboxController,
    HandoverHistoryController,
    UrgentAlertsController,
    PartnerJournalController,
    IntegrityReportController,
  ],
  providers: [
    {
      provide: BRIDGE_STATE,
      useFactory: (config: NodeConfig) => SqliteBridgeState.inDataDir(config.dataDir),
      inject: [NODE_CONFIG],
    },
    {
      provide: PARTNER_TRANSPORT,
      useFactory: openTransport,
      inject: [NODE_CONFIG, PartnerRegistryService, EnvelopeStamper],
    },
    TrmJournal,
    EnvelopeStamper,
    CaseFactsReader,
    OutgoingDispatcher,
    PartnerInboxService,
    PartnerBridgeLifecycle,
  ],
})
export class PartnerBridgeModule {}
