import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import {
  CaseListPage,
  CaseloadSummary,
  CaseScope,
  emptyCaseloadSummary,
  READ_MODEL_STORE,
  ReadModelStore,
} from '@nrm/read-models';
import { CurrentUser, Roles } from '@nrm/iam/access.decorators';
import { OPERATOR_ROLES, Principal } from '@nrm/iam/roles';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { CallContext, RequestContext } from '../cases/command-context';
import { CLOCK, Clock } from '@nrm/config/clock';
import { ApiOkBody } from '../bootstrap/openapi-response-body';
import {
  CaseChangesQueryDto,
  CaseDetailQueryDto,
  CaseListQueryDto,
  CaseloadQueryDto,
} from './case-query.dto';
import type { CaseEvents, CaseView } from './case-view';
import { CaseViews } from './case-views.service';
import type { CaseChanges } from './past/case-changes';
import { PastCaseViews } from './past/past-case-views.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class CasesQueryController {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly views: CaseViews,
    private readonly past: PastCaseViews,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...OPERATOR_ROLES, 'auditor')
  @ApiOkBody(
    'A page of cases: for operators, only the cases their agency is involved in; with mine=true, only ' +
      'those the caller acted on',
  )
  async list(@Query() query: CaseListQueryDto, @CurrentUser() user: Principal): Promise<CaseListPage> {
    const scope = scopeOf(user, query.agency, query.mine);
    if (!scope) return { items: [], total: 0 };
    return this.readModels.listCases({
      ...scope,
      stage: query.stage,
      country: query.country,
      citizenship: query.citizenship,
      district: query.district,
      overdue: query.overdue,
      presumedMinor: query.presumedMinor,
      kind: query.kind,
      sort: query.sort,
      order: query.order,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 20,
      now: this.clock.now(),
    });
  }

  // Declared before ':id' (which takes UUIDs only, see CaseIdPipe): a static segment is its own route.
  @Get('summary')
  @Roles(...OPERATOR_ROLES, 'auditor')
  @ApiOkBody(
    'Counts for a dashboard over the cases the caller may list (as GET /api/cases; with mine=true, only ' +
      'those the caller acted on), and the deadlines falling due',
  )
  async summary(@Query() query: CaseloadQueryDto, @CurrentUser() user: Principal): Promise<CaseloadSummary> {
    const scope = scopeOf(user, query.agency, query.mine);
    if (!scope) return emptyCaseloadSummary();
    return this.readModels.caseloadSummary({
      ...scope,
      dueWithinDays: query.dueWithinDays ?? DEFAULT_DUE_WITHIN_DAYS,
      now: this.clock.now(),
    });
  }

  @Get(':id')
  @Roles(...OPERATOR_ROLES, 'auditor')
  @ApiOkBody(
    'Current state, or with ?asOf= the state then; personal data only where the role may see it ' +
      '(auditors: with ?purpose=, which is logged)',
  )
  detail(
    @Param('id', CaseIdPipe) caseId: string,
    @Query() query: CaseDetailQueryDto,
    @CallContext() context: RequestContext,
  ): Promise<CaseView> {
    const { asOf, ...asked } = query;
    if (asOf !== undefined) return this.past.asOf(caseId, asOf, context, asked);
    return this.views.read(caseId, context, asked);
  }

  @Get(':id/changes')
  @Roles(...OPERATOR_ROLES, 'auditor')
  @ApiOkBody(
    'What each event in (from, to] changed in the case view, field by field, with who and when; ' +
      'personal data is never compared nor shown',
  )
  @ApiUnprocessableEntityResponse({
    description: 'to before from, or more events than one answer holds (rule invalid-request)',
  })
  changes(
    @Param('id', CaseIdPipe) caseId: string,
    @Query() query: CaseChangesQueryDto,
    @CurrentUser() user: Principal,
  ): Promise<CaseChanges> {
    return this.past.changes(caseId, user, query);
  }

  @Get(':id/events')
  @Roles(...OPERATOR_ROLES, 'auditor')
  @ApiOkBody('The case’s history, oldest first; for prosecution liaison, assistance events without data')
  async events(@Param('id', CaseIdPipe) caseId: string, @CurrentUser() user: Principal): Promise<CaseEvents> {
    return { items: await this.views.history(caseId, user) };
  }
}

const DEFAULT_DUE_WITHIN_DAYS = 14;

/**
 * Which cases a caller may list, narrowed to those `involving` an agency when asked, and to the
 * caller's own caseload (the cases they acted on) for `mine`: auditors every case, operators their
 * agency's. Undefined for an operator without an agency (an account from before agencies), who is
 * involved in no case.
 */
function scopeOf(user: Principal, involving: string | undefined, mine?: boolean): CaseScope | undefined {
  const actedOnBy = mine === true ? { actedOnBy: user.userId } : {};
  if (user.role === 'auditor') return { involving, ...actedOnBy };
  if (!user.agency) return undefined;
  return { agency: user.agency, involving, ...actedOnBy };
}
