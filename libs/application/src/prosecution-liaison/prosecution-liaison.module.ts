import { Module } from '@nestjs/common';
import { caseCommandHandlerFor, ProsecutionLiaisonCommandMessage } from '../cases/case-command-bus';
import { ProsecutionController } from './prosecution.controller';

/** Runs the prosecution liaison context's commands in this process. */
@Module({ providers: [caseCommandHandlerFor(ProsecutionLiaisonCommandMessage)] })
export class ProsecutionLiaisonCommandsModule {}

/** The prosecution liaison context: its commands and their routes. */
@Module({ imports: [ProsecutionLiaisonCommandsModule], controllers: [ProsecutionController] })
export class ProsecutionLiaisonModule {}
