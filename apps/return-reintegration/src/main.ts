import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { HealthModule, ReturnReintegrationModule, PlatformModule, runHttpService } from '@nrm/application';

/** The return-reintegration service on its own: its commands only; the gateway answers queries. */
void runHttpService('return-reintegration', (config) => {
  @Module({
    imports: [
      PlatformModule.forRoot(config, { runProjections: false }),
      HealthModule,
      ReturnReintegrationModule,
    ],
  })
  class ReturnReintegrationServiceModule {}
  return ReturnReintegrationServiceModule;
});
