import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ServiceKind } from '@nrm/contracts';
import { CaseCommand } from '@nrm/domain';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '@nrm/config/clock';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import { messageFor } from './case-command.message';
import { CommandMetadata, CommandResult } from './command-metadata';

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
  sendStamped(command: CaseCommand, meta: CommandMetadata): Promise<CommandResult> {
    return this.bus.execute(messageFor(command, meta));
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

/** The answer every command route gives: the case and its revision (also in ETag). */
export function commandAnswer(result: CommandResult) {
  return { caseId: result.caseId, revision: result.revision };
}
