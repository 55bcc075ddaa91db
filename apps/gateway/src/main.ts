import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { GatewayModule, PlatformModule, runHttpService } from '@nrm/application';
import { PartnersApiModule } from '@nrm/partner-bridge';

/**
 * The gateway on its own: authentication, users, case queries (read models) and audit; and the web
 * console at / (NRM_CONSOLE_DIR), since the gateway is what browsers reach in a split node.
 */
void runHttpService(
  'gateway',
  (config) => {
    @Module({
      imports: [PlatformModule.forRoot(config, { runProjections: true }), GatewayModule, PartnersApiModule],
    })
    class GatewayServiceModule {}
    return GatewayServiceModule;
  },
  { serveConsole: true },
);
