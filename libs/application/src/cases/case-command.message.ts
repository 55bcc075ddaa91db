import { Command } from '@nestjs/cqrs';
import { CaseCommand } from '@nrm/domain';
import { CommandMetadata, CommandResult } from './command-metadata';

/**
 * One message class per bounded context: a process that does not run a context has no handler
 * for its commands, so the bus refuses them instead of running them in the wrong place.
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
