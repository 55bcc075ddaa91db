import { Module } from '@nestjs/common';
import { IdentificationController } from './identification.controller';

/**
 * The identification context's HTTP commands. Its command handler is registered by the platform in every
 * process, so a route may hand a command to another context (e.g. a return risk assessment).
 */
@Module({ controllers: [IdentificationController] })
export class IdentificationModule {}
