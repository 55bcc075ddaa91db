import { Module } from '@nestjs/common';
import { ReturnController } from './return.controller';
import { ReturnReintegrationCommandHandler } from './return-reintegration.handler';

/** The return-reintegration context: its HTTP commands and its command handler (the decider lives in @nrm/domain). */
@Module({
  controllers: [ReturnController],
  providers: [ReturnReintegrationCommandHandler],
})
export class ReturnReintegrationModule {}
