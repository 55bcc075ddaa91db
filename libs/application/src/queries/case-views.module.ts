import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { CaseViews } from './case-views.service';
import { CaseTimelines } from './past/case-timeline';
import { PastCaseViews } from './past/past-case-views.service';

/** The case views (live and past), provided once for the case routes and the exporter. */
@Module({
  imports: [AccessLogModule],
  providers: [CaseViews, CaseTimelines, PastCaseViews],
  exports: [CaseViews, PastCaseViews],
})
export class CaseViewsModule {}
