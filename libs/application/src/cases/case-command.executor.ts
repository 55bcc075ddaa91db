import { Inject, Injectable } from '@nestjs/common';
import { CaseCommand, decideForCase } from '@nrm/domain';
import { WrongExpectedRevisionError } from '@nrm/event-store/port';
import { ProjectionRunner } from '@nrm/read-models';
import { ProblemException } from '@nrm/http/problem';
import { READ_YOUR_WRITES } from '../infrastructure/tokens';
import { CaseRepository } from './case-repository';
import { mayAccessCase } from './case-scope';
import { CommandMetadata, CommandResult } from './command-metadata';

const MAX_ATTEMPTS = 3;
const READ_YOUR_WRITES_TIMEOUT_MS = 5000;

/** Load, decide, append: the whole of command handling, shared by every context. */
@Injectable()
export class CaseCommandExecutor {
  constructor(
    private readonly repository: CaseRepository,
    private readonly projections: ProjectionRunner,
    @Inject(READ_YOUR_WRITES) private readonly readYourWrites: boolean,
  ) {}

  async execute(command: CaseCommand, meta: CommandMetadata): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      const history = await this.repository.load(command.caseId);
      const isRegistration =
        command.type === 'RegisterPresumedVictim' ||
        (command.type === 'ReceiveHandoverRequest' && meta.partnerMessage !== undefined);
      if (history.revision < 0 && !isRegistration) throw ProblemException.notFound();
      // Record scope, decided on the history just loaded (the read model may lag behind it) and
      // before If-Match: a case outside the caller's scope answers exactly as a missing one.
      if (history.revision >= 0 && !meta.partnerMessage && !mayAccessCase(meta.principal, history.agencies)) {
        throw ProblemException.notFound();
      }
      if (meta.expectedRevision !== undefined && meta.expectedRevision !== history.revision) {
        throw ProblemException.conflict(
          `The case is at revision ${history.revision}, not ${meta.expectedRevision}`,
          {
            currentRevision: history.revision,
          },
        );
      }
      const events = decideForCase(command, history.events);
      try {
        const result = await this.repository.append(
          command.caseId,
          events,
          history.revision,
          command.at,
          meta,
        );
        // Reads that follow a command see its effect (the embedded projections run in this process).
        if (this.readYourWrites) {
          await this.projections
            .waitForPosition(result.position, READ_YOUR_WRITES_TIMEOUT_MS)
            .catch(() => undefined);
        }
        return {
          caseId: command.caseId,
          revision: result.nextRevision,
          position: result.position,
          events: events.map(({ type, data }) => ({ type, data })),
        };
      } catch (error) {
        // Someone wrote in between: decide again on the fresh state, unless the client pinned a revision.
        if (
          error instanceof WrongExpectedRevisionError &&
          meta.expectedRevision === undefined &&
          attempt < MAX_ATTEMPTS
        )
          continue;
        if (error instanceof WrongExpectedRevisionError) {
          throw ProblemException.conflict('The case changed while the command was decided', {
            currentRevision: error.actual,
          });
        }
        throw error;
      }
    }
  }
}
