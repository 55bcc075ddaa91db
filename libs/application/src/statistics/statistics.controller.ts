import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CLOCK, Clock } from '@nrm/config/clock';
import { Roles } from '@nrm/iam/access.decorators';
import { READ_MODEL_STORE, type ReadModelStore, type StatisticsReport } from '@nrm/read-models';
import { ApiOkBody } from '../bootstrap/openapi-response-body';
import { publishedStatistics } from './published-statistics';
import { StatisticsQueryDto } from './statistics.dto';

/**
 * GET /api/statistics: counts for national rapporteurs and the national action plan, from a
 * projection that holds no personal data, published under disclosure control (docs/statistics.md).
 */
@ApiTags('statistics')
@ApiBearerAuth()
@Controller('api/statistics')
export class StatisticsController {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('analyst', 'auditor', 'admin')
  @ApiUnprocessableEntityResponse({ description: 'from is after to (rule invalid-request)' })
  @ApiOkBody(
    'Every statistics table for the closed years asked for; a suppressed count is null, marked suppressed',
  )
  async statistics(@Query() query: StatisticsQueryDto): Promise<StatisticsReport> {
    return publishedStatistics(this.readModels, query, this.clock.now());
  }
}
