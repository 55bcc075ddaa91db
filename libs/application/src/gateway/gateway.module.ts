import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { ACCOUNT_ADMINISTRATION } from '@nrm/iam/accounts/account-administration.port';
import { AccountsService } from '../accounts/accounts.service';
import { ErasureService } from '../erasure/erasure.service';
import { CaseViewsModule } from '../queries/case-views.module';
import { AuditController } from '../audit/audit.controller';
import { LogProofsController } from '../audit/proofs/log-proofs.controller';
import { LogProofs } from '../audit/proofs/log-proofs.service';
import { AllSessionsController } from '@nrm/iam/http/all-sessions.controller';
import { AuthController } from '@nrm/iam/http/auth.controller';
import { AuthProvidersController } from '@nrm/iam/http/auth-providers.controller';
import { BrowserSessionController } from '@nrm/iam/http/browser-session.controller';
import { CurrentUserController } from '@nrm/iam/http/current-user.controller';
import { PasswordLogin } from '@nrm/iam/http/password-login';
import { SessionGrants } from '@nrm/iam/http/session-grants';
import { FirstAdmin } from '@nrm/iam/accounts/first-admin';
import { UsersController } from '@nrm/iam/http/users.controller';
import { ErasureController } from '../erasure/erasure.controller';
import { CaseExportController } from '../export/case-export.controller';
import { CaseExporter } from '../export/case-exporter';
import { HealthController } from '../health/health.controller';
import { CasesQueryController } from '../queries/cases-query.controller';
import { StatisticsController } from '../statistics/statistics.controller';
import { OrganisationController } from '../organisation/organisation.controller';

/** Authentication, users, case queries on the read models, case exports, audit, erasure, statistics (the partner registry is PartnersModule, beside the partner bridge). */
@Module({
  controllers: [
    HealthController,
    AuthController,
    BrowserSessionController,
    AllSessionsController,
    AuthProvidersController,
    CurrentUserController,
    UsersController,
    CasesQueryController,
    CaseExportController,
    AuditController,
    LogProofsController,
    ErasureController,
    StatisticsController,
    OrganisationController,
  ],
  imports: [AccessLogModule, CaseViewsModule],
  providers: [
    AccountsService,
    { provide: ACCOUNT_ADMINISTRATION, useExisting: AccountsService },
    FirstAdmin,
    PasswordLogin,
    SessionGrants,
    CaseExporter,
    ErasureService,
    LogProofs,
  ],
})
export class GatewayModule {}
