import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ReplyHeaders } from '@nrm/http/reply-headers';
import { Roles } from '@nrm/iam/access.decorators';
import { ApiOkBody } from '../bootstrap/openapi-response-body';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { CallContext, RequestContext } from '../cases/command-context';
import { CASE_EXPORT_ROLES, CaseExport, exportFileName } from './case-export';
import { CaseExportQueryDto } from './case-export.dto';
import { CaseExporter } from './case-exporter';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class CaseExportController {
  constructor(private readonly exporter: CaseExporter) {}

  @Get(':id/export')
  @Roles(...CASE_EXPORT_ROLES)
  @ApiProduces('application/json')
  @ApiOkBody(
    'A download (Content-Disposition: attachment; case-<id>-<date>.json); personal data as GET /api/cases/:id ' +
      'shows it to the caller, erased fields as { erased: true }. Recorded once in the access log (channel export).',
  )
  async export(
    @Param('id', CaseIdPipe) caseId: string,
    @Query() query: CaseExportQueryDto,
    @CallContext() context: RequestContext,
    @Res({ passthrough: true }) reply: ReplyHeaders,
  ): Promise<CaseExport> {
    const document = await this.exporter.export(caseId, context.principal, query.purpose, 'export', context);
    reply.header('content-disposition', `attachment; filename="${exportFileName(document)}"`);
    return document;
  }
}
