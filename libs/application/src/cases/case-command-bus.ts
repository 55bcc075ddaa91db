import { Inject, Injectable, Type } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@nrm/config/clock';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import type { BoundedContext, ServiceKind } from '@nrm/contracts';
import { CaseCommand, COMMAND_OWNERS } from '@nrm/domain';
import { randomUUID } from 'node:crypto';
import { CaseCommandExecutor } from './case-command.executor';
import { CommandMetadata, CommandResult } from './command-metadata';

/*
 * The @nestjs/cqrs plumbing of case commands, in one place: what callers send through (CaseCommands),
 * the message class of each context, and the handler each context module registers.
 */

type WithoutStamp<C> = C extends CaseCommand ? Omit<C, 'at'> : never;

/** What controllers and the partner bridge use to send a command: stamps the time, then the bus. */
@Injectable()
export class CaseCommands {
  constructor(
    private readonly bus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  /** The national reflection and recovery period setting, in days. */
  get reflectionPeriodDays(): number {
    return this.config.reflectionPeriodDays;
  }

  send(command: WithoutStamp<CaseCommand>, meta: CommandMetadata): Promise<CommandResult> {
    return this.sendStamped({ ...command, at: this.clock.now().toISOString() } as CaseCommand, meta);
  }

  /** A command that carries its own time (a partner message's). */
  async sendStamped(command: CaseCommand, meta: CommandMetadata): Promise<CommandResult> {
    return this.bus.execute(messageFor(command, meta));
  }

  newId(): string {
    return randomUUID();
  }

  /** A plan with fresh ids for it and for each of its services (assistance and reintegration plans alike). */
  newPlan<S extends { kind: ServiceKind; provider?: string; memberIds?: string[] }>(lines: S[]) {
    return {
      planId: this.newId(),
      services: lines.map((s) => ({
        serviceId: this.newId(),
        kind: s.kind,
        provider: s.provider,
        ...(s.memberIds === undefined ? {} : { memberIds: s.memberIds }),
      })),
    };
  }
}

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
