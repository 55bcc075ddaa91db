import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ServiceKind } from '@nrm/contracts';
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

  /** A plan with fresh ids for it and for each of its services (assistance and reintegration plans alike). */
  newPlan<S extends { kind: ServiceKind; provider?: string }>(lines: S[]) {
    return {
      planId: this.newId(),
      services: lines.map((s) => ({ serviceId: this.newId(), kind: s.kind, provider: s.provider })),
    };
  }
}

/** What a plan route answers: the command's answer plus the ids it created, in the request's order. */
export function planAnswer(
  result: CommandResult,
  plan: { planId: string; services: { serviceId: string }[] },
) {
  return { ...commandAnswer(result), planId: plan.planId, serviceIds: plan.services.map((s) => s.serviceId) };
}

/** The answer every command route gives (`CommandResponse` in the OpenAPI document; docs/api-tour.md). */
export function commandAnswer(result: CommandResult) {
  return { caseId: result.caseId, revision: result.revision };
}
