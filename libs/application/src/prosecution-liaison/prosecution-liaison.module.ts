import { Module } from '@nestjs/common';
import { ProsecutionController } from './prosecution.controller';

/**
 * The prosecution-liaison context's HTTP commands. Its command handler is registered by the platform in every
 * process, so a route may hand a command to another context (e.g. a return risk assessment).
 */
@Module({ controllers: [ProsecutionController] })
export class ProsecutionLiaisonModule {}
