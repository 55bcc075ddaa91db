import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { parseIfMatch } from '@nrm/http/if-match';
import type { Actor } from '@nrm/event-store/port';
import type { Principal } from '@nrm/iam/roles';
import { randomUUID } from 'node:crypto';
import { CommandMetadata } from './command-metadata';

/** Who asks and which request this is: what every event written for the request records. */
export interface RequestContext {
  principal: Principal;
  correlationId: string;
  /** One per request: the causation id of every event the request writes. */
  causationId: string;
}

/** The actor an event records for a caller: its ids, role and agency, nothing of its session. */
export const actorOf = ({ userId, role, agency }: Actor): Actor => ({
  userId,
  role,
  agency,
});

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

interface RequestLike {
  principal: Principal;
  headers: Record<string, string | string[] | undefined>;
  /** The request's own id (Fastify's, a UUID): the one the HTTP log line of the request records. */
  id?: unknown;
}

/**
 * The causation id of a request's events is the id its HTTP log line records (`reqId`): an operator can
 * go from any event to the request that caused it and its answer, and back.
 */
export function requestContextOf(request: RequestLike): RequestContext {
  const correlation = request.headers['x-correlation-id'];
  return {
    principal: request.principal,
    correlationId:
      typeof correlation === 'string' && CORRELATION_ID.test(correlation) ? correlation : randomUUID(),
    causationId: typeof request.id === 'string' && request.id !== '' ? request.id : randomUUID(),
  };
}

/** The caller and the request's ids (X-Correlation-Id or a new one). */
export const CallContext = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext =>
  requestContextOf(context.switchToHttp().getRequest<RequestLike>()),
);

/** The request context plus the revision named by If-Match. */
export const CommandContext = createParamDecorator(
  (_: unknown, context: ExecutionContext): CommandMetadata => {
    const request = context.switchToHttp().getRequest<RequestLike>();
    return { ...requestContextOf(request), expectedRevision: parseIfMatch(request.headers['if-match']) };
  },
);
