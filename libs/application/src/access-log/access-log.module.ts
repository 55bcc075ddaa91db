import { Module } from '@nestjs/common';
import { AccessLog } from './access-log';

/** The access log, provided once: every reader of personal data records through the same instance. */
@Module({ providers: [AccessLog], exports: [AccessLog] })
export class AccessLogModule {}
