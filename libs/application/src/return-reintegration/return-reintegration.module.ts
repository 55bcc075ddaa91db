import { Module } from '@nestjs/common';
import { caseCommandHandlerFor, ReturnReintegrationCommandMessage } from '../cases/case-command-bus';
import { LegalStatusController } from './legal-status.controller';
import { ReturnController } from './return.controller';
import { UrgentAlertsController } from './urgent-alerts.controller';

/** Runs the return and reintegration context's commands in this process (the partner bridge needs them too). */
@Module({ providers: [caseCommandHandlerFor(ReturnReintegrationCommandMessage)] })
export class ReturnReintegrationCommandsModule {}

/** The return and reintegration context: its commands and their routes. */
@Module({
  imports: [ReturnReintegrationCommandsModule],
  controllers: [ReturnController, UrgentAlertsController, LegalStatusController],
})
export class ReturnReintegrationModule {}
