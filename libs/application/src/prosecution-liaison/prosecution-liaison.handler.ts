import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PROSECUTION_LIAISON_COMMAND_TYPES } from '@nrm/domain';
import { CaseCommandExecutor } from '../cases/case-command.executor';
import { ProsecutionLiaisonCommandMessage } from '../cases/case-command.message';
import { ContextCommandHandler } from '../cases/context-command.handler';

@CommandHandler(ProsecutionLiaisonCommandMessage)
export class ProsecutionLiaisonCommandHandler
  extends ContextCommandHandler<ProsecutionLiaisonCommandMessage>
  implements ICommandHandler<ProsecutionLiaisonCommandMessage>
{
  constructor(executor: CaseCommandExecutor) {
    super(executor, PROSECUTION_LIAISON_COMMAND_TYPES);
  }
}
