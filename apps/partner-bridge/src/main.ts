import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { HealthModule, PlatformModule, runHttpService } from '@nrm/application';
import { PartnerBridgeModule } from '@nrm/partner-bridge';

/**
 * The partner bridge on its own: the inbox partner nodes post to, the dispatcher that sends this
 * node's handover steps to them, and the cases' handover history. Run one per node (it holds
 * partner-bridge.lock): messages to a partner leave in order from a single outbox.
 */
void runHttpService('partner-bridge', (config) => {
  @Module({
    imports: [PlatformModule.forRoot(config, { runProjections: false }), HealthModule, PartnerBridgeModule],
  })
  class PartnerBridgeServiceModule {}
  return PartnerBridgeServiceModule;
});
