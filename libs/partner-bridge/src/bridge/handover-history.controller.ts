import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiOkBody } from '@nrm/application/bootstrap/openapi-response-body';
import { CurrentUser, Roles } from '@nrm/iam/access.decorators';
import { OPERATOR_ROLES, Principal } from '@nrm/iam/roles';
import { CaseIdPipe } from '@nrm/application/cases/case-id.pipe';
import { CaseRepository } from '@nrm/application/cases/case-repository';
import { mayAccessCase } from '@nrm/application/cases/case-scope';
import { ProblemException } from '@nrm/http/problem';
import type { TrmMessageKind as AnyMessageKind } from '@nrm/transnational';
import { BridgeStateStore } from './bridge-state';
import { BRIDGE_STATE } from './partner-transport.provider';
import { JournalEntry, TrmJournal } from './trm-journal';

/**
 * The kinds a handover exchange holds: every message kind but the urgent alert, which travels on no
 * link (named as the API document has always named it).
 */
export type TrmMessageKind = Exclude<AnyMessageKind, 'alert.urgent'>;

/** One message exchanged with a partner about a case, as the handover history lists it. */
export type HandoverMessage = Omit<JournalEntry, 'kind'> & {
  /** The message's kind; 'any' where a step was withheld before its kind was known. */
  kind?: TrmMessageKind | 'any';
  /** When this node recorded it. */
  recordedAt: string;
  /** How many more times the same message came again (refused as duplicates). */
  replays: number;
};

/** GET /api/cases/:id/handover-history: every exchange with a partner node about the case. */
export interface HandoverHistory {
  caseId: string;
  exchanges: {
    sharedCaseRef: string;
    partnerNodeId: string;
    partnerCountry: string;
    side: string;
    /** One line per message (its first record), oldest first; replays are counted, not listed. */
    messages: HandoverMessage[];
  }[];
}

/**
 * The cross-border history of a case: every message sent to or received from a partner about it,
 * with the digest both nodes compute over the same signed envelope, so the two histories can be
 * laid side by side and compared. Ids, kinds and hashes only: no personal data.
 */
@ApiTags('partners')
@ApiBearerAuth()
@Controller('api/cases/:id')
export class HandoverHistoryController {
  constructor(
    @Inject(BRIDGE_STATE) private readonly state: BridgeStateStore,
    private readonly journal: TrmJournal,
    private readonly cases: CaseRepository,
  ) {}

  @Get('handover-history')
  @Roles(...OPERATOR_ROLES, 'auditor')
  @ApiOkBody('The messages exchanged with partner nodes about this case')
  async history(
    @Param('id', CaseIdPipe) caseId: string,
    @CurrentUser() user: Principal,
  ): Promise<HandoverHistory> {
    const loaded = await this.cases.load(caseId);
    if (loaded.revision < 0 || !mayAccessCase(user, loaded.agencies)) throw ProblemException.notFound();
    const exchanges = [];
    for (const link of this.state.linksOfCase(caseId)) {
      // A link's reference is never an alert's: these are handover messages only.
      const entries = (await this.journal.history(link.partnerNodeId, [link.sharedCaseRef])).map(
        (entry) => entry as HandoverMessage,
      );
      const messages = new Map<string, HandoverMessage>();
      const others = [];
      for (const entry of entries) {
        if (!entry.messageId) {
          others.push({ ...entry, replays: 0 });
          continue;
        }
        const first = messages.get(entry.messageId);
        if (!first) messages.set(entry.messageId, { ...entry, replays: 0 });
        // A replay's record carries no send time, so it sorts ahead of the record it repeats: the
        // record with the verdict is the line, the replays are counted.
        else if (first.outcome === 'duplicate' && entry.outcome !== 'duplicate')
          messages.set(entry.messageId, { ...entry, replays: first.replays + 1 });
        else first.replays += 1;
      }
      exchanges.push({
        sharedCaseRef: link.sharedCaseRef,
        partnerNodeId: link.partnerNodeId,
        partnerCountry: link.partnerCountry,
        side: link.side,
        messages: [...messages.values(), ...others].sort((a, b) =>
          (a.sentAt ?? a.recordedAt).localeCompare(b.sentAt ?? b.recordedAt),
        ),
      });
    }
    return { caseId, exchanges };
  }
}
