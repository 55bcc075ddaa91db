import { Module } from '@nestjs/common';
import { AssistanceCommandMessage, caseCommandHandlerFor } from '../cases/case-command-bus';
import { ReturnReintegrationCommandsModule } from '../return-reintegration/return-reintegration.module';
import { FamilyController } from '../family/family.controller';
import { AssistanceController } from './assistance.controller';
import { MeetingsController } from './meetings.controller';
import { WishesController } from './wishes.controller';

/** Runs the assistance context's commands in this process. */
@Module({ providers: [caseCommandHandlerFor(AssistanceCommandMessage)] })
export class AssistanceCommandsModule {}

/**
 * The assistance context: its commands and their routes. Its risk-assessment route also takes the
 * return risk assessment, which the return and reintegration context decides: that context's
 * commands run here too.
 */
@Module({
  imports: [AssistanceCommandsModule, ReturnReintegrationCommandsModule],
  // The family routes: assistance's (members, child rules, parentage) and return's (tracing, reunification).
  controllers: [AssistanceController, WishesController, MeetingsController, FamilyController],
})
export class AssistanceModule {}
