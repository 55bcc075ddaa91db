import { Test } from '@nestjs/testing';
import { CommandHandlerNotFoundException, CqrsModule } from '@nestjs/cqrs';
import { CLOCK } from '@nrm/config/clock';
import { NODE_CONFIG } from '@nrm/config/node-config';
import { CaseCommand, COMMAND_OWNERS } from '@nrm/domain';
import { Global, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IdentificationCommandsModule } from '../identification/identification.module';
import { ReturnReintegrationCommandsModule } from '../return-reintegration/return-reintegration.module';
import { CaseCommandExecutor } from './case-command.executor';
import { CaseCommands } from './case-command-bus';
import { CommandMetadata } from './command-metadata';

const executed: CaseCommand[] = [];

/** What the context handlers hand commands to; here it only remembers them. */
@Global()
@Module({
  providers: [
    {
      provide: CaseCommandExecutor,
      useValue: {
        execute: async (command: CaseCommand) => {
          executed.push(command);
          return { caseId: command.caseId, revision: 0, position: 1, events: [] };
        },
      },
    },
    { provide: CLOCK, useValue: { now: () => new Date('2025-03-01T09:00:00.000Z') } },
    { provide: NODE_CONFIG, useValue: { reflectionPeriodDays: 30 } },
    CaseCommands,
  ],
  exports: [CaseCommandExecutor, CLOCK, NODE_CONFIG, CaseCommands],
})
class Pipeline {}

const meta = {
  principal: { userId: 'u', username: 'u', role: 'case_manager' },
} as unknown as CommandMetadata;
const caseId = randomUUID();

describe('case command bus: a process runs the commands of the contexts it imports, and only those', () => {
  let commands: CaseCommands;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      imports: [
        CqrsModule.forRoot(),
        Pipeline,
        IdentificationCommandsModule,
        ReturnReintegrationCommandsModule,
      ],
    }).compile();
    await module.init();
    commands = module.get(CaseCommands);
  });
  beforeEach(() => executed.splice(0));

  it('routes each command to its owner’s handler, stamped with the time', async () => {
    await commands.send({ type: 'GiveConsent', caseId, purpose: 'assistance' }, meta);
    await commands.send(
      { type: 'RequestReturn', caseId, destinationCountry: 'MD', earlyReturn: false } as never,
      meta,
    );
    expect(executed.map((c) => [c.type, COMMAND_OWNERS[c.type], c.at])).toEqual([
      ['GiveConsent', 'identification', '2025-03-01T09:00:00.000Z'],
      ['RequestReturn', 'return-reintegration', '2025-03-01T09:00:00.000Z'],
    ]);
  });

  it('refuses a command whose context this process does not run, and runs nothing', async () => {
    await expect(
      commands.send({ type: 'AssessNeeds', caseId, needs: ['accommodation'] }, meta),
    ).rejects.toBeInstanceOf(CommandHandlerNotFoundException);
    await expect(
      commands.send({ type: 'RecordCooperationDecision', caseId, cooperates: true } as never, meta),
    ).rejects.toBeInstanceOf(CommandHandlerNotFoundException);
    expect(executed).toEqual([]);
  });
});
