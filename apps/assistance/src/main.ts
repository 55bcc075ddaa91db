import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { HealthModule, AssistanceModule, PlatformModule, runHttpService } from '@nrm/application';

/** The assistance service on its own: its commands only; the gateway answers queries. */
void runHttpService('assistance', (config) => {
  @Module({
    imports: [PlatformModule.forRoot(config, { runProjections: false }), HealthModule, AssistanceModule],
  })
  class AssistanceServiceModule {}
  return AssistanceServiceModule;
});
