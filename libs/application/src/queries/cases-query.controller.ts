import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CaseListPage, READ_MODEL_STORE, ReadModelStore } from '@nrm/read-models';
import { CurrentUser, Roles } from '@nrm/iam/access.decorators';
import { OPERATOR_ROLES, Principal } from '@nrm/iam/roles';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { CallContext, RequestContext } from '../cases/command-context';
import { CLOCK, Clock } from '@nrm/config/clock';
import { ApiOkBody } from '../bootstrap/openapi-response-body';
import { CaseDetailQueryDto, CaseListQueryDto } from './case-query.dto';
import type { CaseEvents, CaseView } from './case-view';
import { CaseViews } from './case-views.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class CasesQueryController {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly views: CaseViews,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...OPERATOR_ROLES, 'auditor')
  @ApiOkBody('A page of cases: for operators, only the cases their agency is involved in')
  async list(@Query() query: CaseListQueryDto, @CurrentUser() user: Principal): Promise<CaseListPage> {
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
  @ApiOkBody(
    'Current state; personal data only where the role may see it (auditors: with ?purpose=, which is logged)',
  )
  detail(
    @Param('id', CaseIdPipe) caseId: string,
    @Query() query: CaseDetailQueryDto,
    @CallContext() context: RequestContext,
  ): Promise<CaseView> {
    return this.views.read(caseId, context, query);
  }

  @Get(':id/events')
  @Roles(...OPERATOR_ROLES, 'auditor')
  @ApiOkBody('The case’s history, oldest first; for prosecution liaison, assistance events without data')
  async events(@Param('id', CaseIdPipe) caseId: string, @CurrentUser() user: Principal): Promise<CaseEvents> {
    return { items: await this.views.history(caseId, user) };
  }
}
