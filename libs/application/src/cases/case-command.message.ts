import { Command } from '@nestjs/cqrs';
import type { BoundedContext } from '@nrm/contracts';
import { CaseCommand, COMMAND_OWNERS } from '@nrm/domain';
import { CommandMetadata, CommandResult } from './command-metadata';

/**
 * One message class per bounded context. Each context's module registers the handler of its own
 * class only, so a process runs the commands of the contexts it imports and the bus refuses the rest
 * (CommandHandlerNotFoundException) instead of running them in the wrong place.
 */
export abstract class CaseCommandMessage extends Command<CommandResult> {
  constructor(
    readonly command: CaseCommand,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

export class IdentificationCommandMessage extends CaseCommandMessage {}
export class AssistanceCommandMessage extends CaseCommandMessage {}
export class ReturnReintegrationCommandMessage extends CaseCommandMessage {}
export class ProsecutionLiaisonCommandMessage extends CaseCommandMessage {}

type MessageClass = new (command: CaseCommand, meta: CommandMetadata) => CaseCommandMessage;

const MESSAGE_OF_CONTEXT: Readonly<Record<BoundedContext, MessageClass>> = {
  identification: IdentificationCommandMessage,
  assistance: AssistanceCommandMessage,
  'return-reintegration': ReturnReintegrationCommandMessage,
  'prosecution-liaison': ProsecutionLiaisonCommandMessage,
};

/** The message for a command, chosen by its one declared owner (the domain's COMMAND_OWNERS). */
export function messageFor(command: CaseCommand, meta: CommandMetadata): CaseCommandMessage {
  return new MESSAGE_OF_CONTEXT[COMMAND_OWNERS[command.type]](command, meta);
}
