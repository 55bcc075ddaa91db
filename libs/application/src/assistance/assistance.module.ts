import { Module } from '@nestjs/common';
import { AssistanceController } from './assistance.controller';
import { AssistanceCommandHandler } from './assistance.handler';

/** The assistance context: its HTTP commands and its command handler (the decider lives in @nrm/domain). */
@Module({
  controllers: [AssistanceController],
  providers: [AssistanceCommandHandler],
})
export class AssistanceModule {}
