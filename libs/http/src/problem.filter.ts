import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import {
  ConflictError,
  INVALID_REQUEST_RULE,
  InvalidRequestError,
  NotFoundError,
  TemporarilyUnavailableError,
} from '@nrm/common';
import { RevisionConflictError, RuleViolation } from '@nrm/domain';
import { WrongExpectedRevisionError } from '@nrm/event-store/port';
import { problem, ProblemBody, ProblemException } from './problem';

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): void;
}

/** Maps every error to application/problem+json; internals (stack, SQL, paths) never leave the process. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost) {
    const reply = host.switchToHttp().getResponse<ReplyLike>();
    const body = withFieldErrors(this.toProblem(exception));
    if (body.status >= 500) this.logger.error(exception instanceof Error ? exception : String(exception));
    if (exception instanceof ProblemException) {
      for (const [name, value] of Object.entries(exception.headers)) reply.header(name, value);
    }
    if (exception instanceof TemporarilyUnavailableError) {
      reply.header('retry-after', String(exception.retryAfterSeconds));
    }
    reply.status(body.status).header('content-type', 'application/problem+json').send(body);
  }

  private toProblem(exception: unknown): ProblemBody {
    if (exception instanceof ProblemException) return exception.body;
    // The services' typed refusals, mapped here and nowhere else.
    if (exception instanceof RuleViolation) return problem(422, exception.message, { rule: exception.rule });
    if (exception instanceof NotFoundError) return problem(404, exception.message);
    if (exception instanceof RevisionConflictError) {
      return problem(409, exception.message, { currentRevision: exception.currentRevision });
    }
    if (exception instanceof ConflictError) return problem(409, exception.message);
    if (exception instanceof InvalidRequestError) {
      return problem(422, exception.message, { rule: INVALID_REQUEST_RULE });
    }
    if (exception instanceof TemporarilyUnavailableError) return problem(503, exception.message);
    if (exception instanceof WrongExpectedRevisionError) {
      return problem(409, 'The case changed since the revision you named', {
        currentRevision: exception.actual,
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status >= 500) return problem(status, 'The server could not complete the request');
      const response = exception.getResponse();
      const detail =
        typeof response === 'string'
          ? response
          : String((response as { message?: unknown }).message ?? exception.message);
      return problem(status, Array.isArray(detail) ? detail.join('; ') : detail);
    }
    // Fastify's own errors (malformed JSON, body too large, wrong content type) carry a statusCode.
    const status = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const detail = status === 400 ? 'The request body is not valid JSON' : (exception as Error).message;
      return problem(status, detail);
    }
    return problem(500, 'The server could not complete the request');
  }
}

/** Every 400 names what failed in `errors` (the document promises it): the whole request when no field. */
function withFieldErrors(body: ProblemBody): ProblemBody {
  if (body.status !== 400 || (body.errors && body.errors.length > 0)) return body;
  return { ...body, errors: [{ field: '', message: body.detail }] };
}
