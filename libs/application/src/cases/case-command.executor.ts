import { Inject, Injectable } from '@nestjs/common';
import type { CaseEvent } from '@nrm/contracts';
import { CaseCommand, CaseNotFoundError, decideForCase, RevisionConflictError } from '@nrm/domain';
import type { DomainEvent } from '@nrm/domain/shared/decider';
import { ProjectionRunner } from '@nrm/read-models';
import { READ_YOUR_WRITES } from '../infrastructure/tokens';
import { decideAndAppend, Loaded } from '../log/decide-and-append';
import { CaseHistory, CaseRepository } from './case-repository';
import { mayAccessCase } from './case-scope';
import { CommandMetadata, CommandResult } from './command-metadata';

const READ_YOUR_WRITES_TIMEOUT_MS = 5000;

/**
 * Load, decide, append for every case command, whichever context owns it. Refusals are typed:
 * CaseNotFoundError (also outside the caller's scope), RevisionConflictError, the deciders'
 * RuleViolation; the HTTP edge maps them (ProblemFilter), the partner bridge reads them.
 */
@Injectable()
export class CaseCommandExecutor {
  constructor(
    private readonly repository: CaseRepository,
    private readonly projections: ProjectionRunner,
    @Inject(READ_YOUR_WRITES) private readonly readYourWrites: boolean,
  ) {}

  async execute(command: CaseCommand, meta: CommandMetadata): Promise<CommandResult> {
    const decided = await decideAndAppend<readonly DomainEvent[], CaseEvent>(
      {
        load: async () => {
          const history = await this.repository.load(command.caseId);
          this.admit(command, meta, history);
          return { state: history.events, revision: history.revision };
        },
        decide: ({ state }: Loaded<readonly DomainEvent[]>) => decideForCase(command, state),
        append: (events, expected) =>
          this.repository.append(command.caseId, events, expected, command.at, meta),
      },
      { pinned: meta.expectedRevision !== undefined },
    );
    const appended = decided.appended;
    if (!appended) throw new Error(`${command.type} decided no events`);
    // Reads that follow a command see its effect (the embedded projections run in this process).
    if (this.readYourWrites) {
      await this.projections
        .waitForPosition(appended.position, READ_YOUR_WRITES_TIMEOUT_MS)
        .catch(() => undefined);
    }
    return {
      caseId: command.caseId,
      revision: appended.nextRevision,
      position: appended.position,
      events: decided.events.map(({ type, data }) => ({ type, data })),
    };
  }

  /**
   * Existence, record scope and If-Match, decided on the history just loaded (the read model may lag
   * behind it). Scope comes before If-Match: a case outside the caller's scope answers exactly as a
   * missing one, whatever revision was named.
   */
  private admit(command: CaseCommand, meta: CommandMetadata, history: CaseHistory): void {
    const opensCase =
      command.type === 'RegisterPresumedVictim' ||
      command.type === 'RegisterPersonAtRisk' ||
      (command.type === 'ReceiveHandoverRequest' && meta.partnerMessage !== undefined);
    if (history.revision < 0 && !opensCase) throw new CaseNotFoundError(command.caseId);
    if (history.revision >= 0 && !meta.partnerMessage && !mayAccessCase(meta.principal, history.agencies)) {
      throw new CaseNotFoundError(command.caseId);
    }
    if (meta.expectedRevision !== undefined && meta.expectedRevision !== history.revision) {
      throw new RevisionConflictError(
        `The case is at revision ${history.revision}, not ${meta.expectedRevision}`,
        history.revision,
      );
    }
  }
}
