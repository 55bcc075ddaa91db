import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RETURN_REINTEGRATION_COMMAND_TYPES } from '@nrm/domain';
import { CaseCommandExecutor } from '../cases/case-command.executor';
import { ReturnReintegrationCommandMessage } from '../cases/case-command.message';
import { ContextCommandHandler } from '../cases/context-command.handler';

@CommandHandler(ReturnReintegrationCommandMessage)
export class ReturnReintegrationCommandHandler
  extends ContextCommandHandler<ReturnReintegrationCommandMessage>
  implements ICommandHandler<ReturnReintegrationCommandMessage>
{
  constructor(executor: CaseCommandExecutor) {
    super(executor, RETURN_REINTEGRATION_COMMAND_TYPES);
  }
}
