import { Module } from '@nestjs/common';
import { IdentificationController } from './identification.controller';
import { IdentificationCommandHandler } from './identification.handler';

/** The identification context: its HTTP commands and its command handler (the decider lives in @nrm/domain). */
@Module({
  controllers: [IdentificationController],
  providers: [IdentificationCommandHandler],
})
export class IdentificationModule {}
