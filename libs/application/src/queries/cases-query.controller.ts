import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { contextOf, isCaseEventType } from '@nrm/contracts';
import { PersonalDataCipher } from '@nrm/privacy';
import {
  CaseDetail,
  CaseHistoryEntry,
  READ_MODEL_STORE,
  ReadModelStore,
  revealPersonalData,
  withOverdue,
} from '@nrm/read-models';
import { AccessLog } from '../access-log/access-log';
import { CurrentUser, Roles } from '@nrm/iam/access.decorators';
import { OPERATOR_ROLES, Principal } from '@nrm/iam/roles';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { mayAccessCase } from '../cases/case-scope';
import { CLOCK, Clock } from '@nrm/config/clock';
import { ProblemException } from '@nrm/http/problem';
import { CaseDetailQueryDto, CaseListQueryDto } from './case-query.dto';
import { personalDataPurpose } from './personal-data-policy';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class CasesQueryController {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly cipher: PersonalDataCipher,
    private readonly accessLog: AccessLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...OPERATOR_ROLES, 'auditor')
  @ApiOkResponse({
    description:
      '{ items: [{ caseId, stage, deadlines, overdue, ... }], total }: for operators, only the cases their agency is involved in',
  })
  async list(@Query() query: CaseListQueryDto, @CurrentUser() user: Principal) {
    const everyCase = user.role === 'auditor';
    // An operator without an agency (an account from before agencies) is involved in no case.
    if (!everyCase && !user.agency) return { items: [], total: 0 };
    return this.readModels.listCases({
      stage: query.stage,
      country: query.country,
      citizenship: query.citizenship,
      overdue: query.overdue,
      agency: everyCase ? undefined : user.agency,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 20,
      now: this.clock.now(),
    });
  }

  @Get(':id')
  @Roles(...OPERATOR_ROLES, 'auditor')
  @ApiOkResponse({
    description:
      'Current state; personal data only where the role may see it (auditors: with ?purpose=, which is logged)',
  })
  async detail(
    @Param('id', CaseIdPipe) caseId: string,
    @Query() query: CaseDetailQueryDto,
    @CurrentUser() user: Principal,
  ) {
    const detail = await this.caseInScope(caseId, user);
    const { person, guardian, ...rest } = detail;
    // Overdue is judged now, as in the list: a flag both sides of a handover see on their own case.
    const deadlines = withOverdue(rest.deadlines, this.clock.now());
    const view: Record<string, unknown> = {
      ...rest,
      deadlines,
      overdue: deadlines.some((d) => d.overdue),
      guardian: guardian && { authority: guardian.authority, appointedAt: guardian.appointedAt },
    };
    const purpose = personalDataPurpose(user, detail, query.purpose);
    if (purpose !== undefined && (person || guardian?.name)) {
      // Recorded before anything is shown: a read that cannot be logged does not happen.
      await this.accessLog.record(user, caseId, purpose, 'api');
      const revealed = await revealPersonalData(detail, this.cipher);
      if (revealed.person.status === 'ok') view.person = revealed.person.value;
      if (revealed.person.status === 'erased') view.person = { erased: true };
      if (guardian && revealed.guardianName.status !== 'absent') {
        (view.guardian as Record<string, unknown>).name =
          revealed.guardianName.status === 'ok' ? revealed.guardianName.value.name : undefined;
      }
    }
    return view;
  }

  @Get(':id/events')
  @Roles(...OPERATOR_ROLES, 'auditor')
  @ApiOkResponse({
    description:
      '{ items: [{ position, revision, type, occurredAt, actor, data }] }, oldest first; for prosecution liaison, assistance events without data',
  })
  async events(@Param('id', CaseIdPipe) caseId: string, @CurrentUser() user: Principal) {
    await this.caseInScope(caseId, user);
    const history = await this.readModels.getHistory(caseId);
    if (!history.length) throw ProblemException.notFound();
    const minimise = user.role === 'prosecution_liaison';
    return {
      items: history.map((e) => ({
        position: e.position,
        revision: e.revision,
        eventId: e.eventId,
        type: e.type,
        occurredAt: e.occurredAt,
        actor: e.actor,
        // Data minimisation: the prosecution side learns that assistance happened, not what it was.
        ...(minimise && isAssistanceEvent(e) ? {} : { data: e.data }),
      })),
    };
  }

  /** The case, or 404 both when it does not exist and when it is outside the caller's scope. */
  private async caseInScope(caseId: string, user: Principal): Promise<CaseDetail> {
    const detail = await this.readModels.getCase(caseId);
    if (!detail || !mayAccessCase(user, detail.agencies)) throw ProblemException.notFound();
    return detail;
  }
}

function isAssistanceEvent(entry: CaseHistoryEntry): boolean {
  return isCaseEventType(entry.type) && contextOf(entry.type) === 'assistance';
}
