import { Module } from '@nestjs/common';
import { caseCommandHandlerFor, IdentificationCommandMessage } from '../cases/case-command-bus';
import { IdentificationController } from './identification.controller';
import { PersonAtRiskController } from './person-at-risk.controller';

/** Runs the identification context's commands in this process. */
@Module({ providers: [caseCommandHandlerFor(IdentificationCommandMessage)] })
export class IdentificationCommandsModule {}

/** The identification context: its commands and their routes. */
@Module({
  imports: [IdentificationCommandsModule],
  controllers: [IdentificationController, PersonAtRiskController],
})
export class IdentificationModule {}
