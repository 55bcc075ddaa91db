import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IDENTIFICATION_COMMAND_TYPES } from '@nrm/domain';
import { CaseCommandExecutor } from '../cases/case-command.executor';
import { IdentificationCommandMessage } from '../cases/case-command.message';
import { ContextCommandHandler } from '../cases/context-command.handler';

@CommandHandler(IdentificationCommandMessage)
export class IdentificationCommandHandler
  extends ContextCommandHandler<IdentificationCommandMessage>
  implements ICommandHandler<IdentificationCommandMessage>
{
  constructor(executor: CaseCommandExecutor) {
    super(executor, IDENTIFICATION_COMMAND_TYPES);
  }
}
