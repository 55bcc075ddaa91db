import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandMetadata } from './command-metadata';
import { parseIfMatch } from '@nrm/http/if-match';

/** Principal, correlation id (X-Correlation-Id or a new one) and If-Match of the request. */
export const CommandContext = createParamDecorator(
  (_: unknown, context: ExecutionContext): CommandMetadata => {
    const request = context.switchToHttp().getRequest();
    const correlation = request.headers['x-correlation-id'];
    return {
      principal: request.principal,
      correlationId:
        typeof correlation === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(correlation)
          ? correlation
          : randomUUID(),
      expectedRevision: parseIfMatch(request.headers['if-match']),
    };
  },
);
