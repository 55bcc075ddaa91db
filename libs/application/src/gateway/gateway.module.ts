import { Module } from '@nestjs/common';
import { AccessLog } from '../access-log/access-log';
import { AuditController } from '../audit/audit.controller';
import { AuthController } from '../auth/auth.controller';
import { FirstAdmin } from '../auth/first-admin';
import { UsersController } from '../auth/users.controller';
import { ErasureController } from '../erasure/erasure.controller';
import { CaseExportController } from '../export/case-export.controller';
import { CaseExporter } from '../export/case-exporter';
import { HealthController } from '../health/health.controller';
import { PartnerRegistryService } from '../partners/partner-registry.service';
import { PartnersController } from '../partners/partners.controller';
import { CasesQueryController } from '../queries/cases-query.controller';

/** Authentication, users, case queries on the read models, case exports, audit, erasure and the partner registry. */
@Module({
  controllers: [
    HealthController,
    AuthController,
    UsersController,
    CasesQueryController,
    CaseExportController,
    AuditController,
    ErasureController,
    PartnersController,
  ],
  providers: [AccessLog, FirstAdmin, CaseExporter, PartnerRegistryService],
})
export class GatewayModule {}
