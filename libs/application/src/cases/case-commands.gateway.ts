import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CaseCommand } from '@nrm/domain';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '../config/clock';
import { NODE_CONFIG, NodeConfig } from '../config/node-config';
import { CaseCommandMessage } from './case-command.message';
import { CommandMetadata, CommandResult } from './command-metadata';

type MessageClass = new (command: CaseCommand, meta: CommandMetadata) => CaseCommandMessage;
type WithoutStamp<C> = C extends CaseCommand ? Omit<C, 'at'> : never;

/** What controllers use to send a command: stamps the time and picks the context's message class. */
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

  send(
    message: MessageClass,
    command: WithoutStamp<CaseCommand>,
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    const stamped = { ...command, at: this.clock.now().toISOString() } as CaseCommand;
    return this.bus.execute(new message(stamped, meta));
  }

  newId(): string {
    return randomUUID();
  }
}

/** The answer every command route gives (API.md). */
export function commandAnswer(result: CommandResult) {
  return { caseId: result.caseId, revision: result.revision };
}
