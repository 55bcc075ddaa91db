import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { HealthModule, IdentificationModule, PlatformModule, runHttpService } from '@nrm/application';

/** The identification service on its own: its commands only; the gateway answers queries. */
void runHttpService('identification', (config) => {
  @Module({
    imports: [PlatformModule.forRoot(config, { runProjections: false }), HealthModule, IdentificationModule],
  })
  class IdentificationServiceModule {}
  return IdentificationServiceModule;
});
