import { CaseCommandExecutor } from './case-command.executor';
import { CaseCommandMessage } from './case-command.message';
import { CommandResult } from './command-metadata';

/** Shared body of the four contexts' handlers: refuse foreign commands, then load-decide-append. */
export abstract class ContextCommandHandler<M extends CaseCommandMessage> {
  protected constructor(
    private readonly executor: CaseCommandExecutor,
    private readonly ownedTypes: readonly string[],
  ) {}

  execute(message: M): Promise<CommandResult> {
    if (!this.ownedTypes.includes(message.command.type)) {
      throw new Error(`${message.command.type} is not handled by ${this.constructor.name}`);
    }
    return this.executor.execute(message.command, message.meta);
  }
}
