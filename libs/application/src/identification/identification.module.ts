import { Module } from '@nestjs/common';
import { caseCommandHandlerFor, IdentificationCommandMessage } from '../cases/case-command-bus';
import { IdentificationController } from './identification.controller';

/** Runs the identification context's commands in this process. */
@Module({ providers: [caseCommandHandlerFor(IdentificationCommandMessage)] })
export class IdentificationCommandsModule {}

/** The identification context: its commands and their routes. */
@Module({ imports: [IdentificationCommandsModule], controllers: [IdentificationController] })
export class IdentificationModule {}
