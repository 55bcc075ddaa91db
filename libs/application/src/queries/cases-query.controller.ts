import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PersonalDataCipher } from '@nrm/privacy';
import { READ_MODEL_STORE, ReadModelStore, revealPersonalData } from '@nrm/read-models';
import { AccessLog } from '../access-log/access-log';
import { CurrentUser, Roles } from '../auth/access.decorators';
import { OPERATOR_ROLES, Principal } from '../auth/roles';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { CLOCK, Clock } from '../config/clock';
import { ProblemException } from '../http/problem';
import { CaseDetailQueryDto, CaseListQueryDto } from './case-query.dto';
import { maySeePersonalData } from './personal-data-policy';

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
  @ApiOkResponse({ description: '{ items: [{ caseId, stage, deadlines, overdue, ... }], total }' })
  list(@Query() query: CaseListQueryDto) {
    return this.readModels.listCases({
      stage: query.stage,
      country: query.country,
      citizenship: query.citizenship,
      overdue: query.overdue,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 20,
      now: this.clock.now(),
    });
  }

  @Get(':id')
  @Roles(...OPERATOR_ROLES, 'auditor')
  @ApiOkResponse({ description: 'Current state; personal data only where the role may see it' })
  async detail(
    @Param('id', CaseIdPipe) caseId: string,
    @Query() query: CaseDetailQueryDto,
    @CurrentUser() user: Principal,
  ) {
    const detail = await this.readModels.getCase(caseId);
    if (!detail) throw ProblemException.notFound();
    const { person, guardian, ...rest } = detail;
    const view: Record<string, unknown> = {
      ...rest,
      guardian: guardian && { authority: guardian.authority, appointedAt: guardian.appointedAt },
    };
    if (maySeePersonalData(user, detail) && (person || guardian?.name)) {
      // Recorded before anything is shown: a read that cannot be logged does not happen.
      await this.accessLog.record(user, caseId, query.purpose ?? 'case_work', 'api');
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
    description: '{ items: [{ position, revision, type, occurredAt, actor, data }] }, oldest first',
  })
  async events(@Param('id', CaseIdPipe) caseId: string) {
    const history = await this.readModels.getHistory(caseId);
    if (!history.length) throw ProblemException.notFound();
    return {
      items: history.map((e) => ({
        position: e.position,
        revision: e.revision,
        eventId: e.eventId,
        type: e.type,
        occurredAt: e.occurredAt,
        actor: e.actor,
        data: e.data,
      })),
    };
  }
}
