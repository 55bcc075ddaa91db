import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { HealthModule, ProsecutionLiaisonModule, PlatformModule, runHttpService } from '@nrm/application';

/** The prosecution-liaison service on its own: its commands only; the gateway answers queries. */
void runHttpService('prosecution-liaison', (config) => {
  @Module({
    imports: [
      PlatformModule.forRoot(config, { runProjections: false }),
      HealthModule,
      ProsecutionLiaisonModule,
    ],
  })
  class ProsecutionLiaisonServiceModule {}
  return ProsecutionLiaisonServiceModule;
});
