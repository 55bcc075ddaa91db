import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { CaseViews } from './case-views.service';

/** The case views, provided once for the case routes and the exporter. */
@Module({ imports: [AccessLogModule], providers: [CaseViews], exports: [CaseViews] })
export class CaseViewsModule {}
