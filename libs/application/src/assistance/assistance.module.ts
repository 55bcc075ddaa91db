import { Module } from '@nestjs/common';
import { AssistanceController } from './assistance.controller';

/**
 * The assistance context's HTTP commands. Its command handler is registered by the platform in every
 * process, so a route may hand a command to another context (e.g. a return risk assessment).
 */
@Module({ controllers: [AssistanceController] })
export class AssistanceModule {}
