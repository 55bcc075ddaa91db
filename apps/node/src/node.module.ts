import { DynamicModule, Module } from '@nestjs/common';
import {
  AssistanceModule,
  GatewayModule,
  IdentificationModule,
  PlatformModule,
  ProsecutionLiaisonModule,
  ReturnReintegrationModule,
} from '@nrm/application';
import { NodeConfig } from '@nrm/config';
import { PartnerBridgeModule, PartnersApiModule } from '@nrm/partner-bridge';

/** The embedded default: every context and the gateway in one process, sharing one platform. */
@Module({})
export class NodeModule {
  static forRoot(config: NodeConfig): DynamicModule {
    return {
      module: NodeModule,
      imports: [
        PlatformModule.forRoot(config, { runProjections: true }),
        GatewayModule,
        IdentificationModule,
        AssistanceModule,
        ReturnReintegrationModule,
        ProsecutionLiaisonModule,
        PartnersApiModule,
        PartnerBridgeModule,
      ],
    };
  }
}
