import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ASSISTANCE_COMMAND_TYPES } from '@nrm/domain';
import { CaseCommandExecutor } from '../cases/case-command.executor';
import { AssistanceCommandMessage } from '../cases/case-command.message';
import { ContextCommandHandler } from '../cases/context-command.handler';

@CommandHandler(AssistanceCommandMessage)
export class AssistanceCommandHandler
  extends ContextCommandHandler<AssistanceCommandMessage>
  implements ICommandHandler<AssistanceCommandMessage>
{
  constructor(executor: CaseCommandExecutor) {
    super(executor, ASSISTANCE_COMMAND_TYPES);
  }
}
