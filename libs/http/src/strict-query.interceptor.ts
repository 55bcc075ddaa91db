import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Observable } from 'rxjs';
import { ProblemException } from './problem';

/**
 * Unknown query parameters are a 400, like unknown body fields. A handler that takes a whole
 * `@Query() dto` is left to the strict validation pipe; any other handler accepts only the
 * parameters it names (none, for most).
 */
@Injectable()
export class StrictQueryInterceptor implements NestInterceptor {
  private readonly allowed = new WeakMap<object, Set<string> | 'dto'>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const allowed = this.allowedFor(context);
      if (allowed !== 'dto') {
        const query = (context.switchToHttp().getRequest<{ query?: Record<string, unknown> }>().query ??
          {}) as Record<string, unknown>;
        const unknown = Object.keys(query).filter((key) => !allowed.has(key));
        if (unknown.length > 0) {
          throw ProblemException.badRequest(
            'The query string failed validation',
            unknown.map((field) => ({ field, message: `query parameter ${field} should not exist` })),
          );
        }
      }
    }
    return next.handle();
  }

  private allowedFor(context: ExecutionContext): Set<string> | 'dto' {
    const handler = context.getHandler();
    let allowed = this.allowed.get(handler);
    if (!allowed) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ??
        {}) as Record<string, { data?: unknown }>;
      const names = new Set<string>();
      let dto = false;
      for (const [key, arg] of Object.entries(args)) {
        if (Number(key.split(':')[0]) !== RouteParamtypes.QUERY) continue;
        if (typeof arg.data === 'string') names.add(arg.data);
        else dto = true;
      }
      allowed = dto ? 'dto' : names;
      this.allowed.set(handler, allowed);
    }
    return allowed;
  }
}
