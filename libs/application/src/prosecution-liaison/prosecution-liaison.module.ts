import { Module } from '@nestjs/common';
import { ProsecutionController } from './prosecution.controller';
import { ProsecutionLiaisonCommandHandler } from './prosecution-liaison.handler';

/** The prosecution-liaison context: its HTTP commands and its command handler (the decider lives in @nrm/domain). */
@Module({
  controllers: [ProsecutionController],
  providers: [ProsecutionLiaisonCommandHandler],
})
export class ProsecutionLiaisonModule {}
