import { Type } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from './case-command.executor';
import { CaseCommandMessage } from './case-command.message';
import { CommandResult } from './command-metadata';

/** The handler of one context's message class: what a context module provides to run its commands. */
export function caseCommandHandlerFor(message: Type<CaseCommandMessage>): Type<ICommandHandler> {
  @CommandHandler(message)
  class ContextCommandHandler implements ICommandHandler<CaseCommandMessage, CommandResult> {
    constructor(readonly executor: CaseCommandExecutor) {}

    execute(received: CaseCommandMessage): Promise<CommandResult> {
      return this.executor.execute(received.command, received.meta);
    }
  }
  Object.defineProperty(ContextCommandHandler, 'name', { value: `${message.name}Handler` });
  return ContextCommandHandler;
}
