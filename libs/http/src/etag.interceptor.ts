import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { map, Observable } from 'rxjs';

/** Every answer that carries a case revision also sets `ETag: "<revision>"`, for If-Match. */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body) => {
        const revision = (body as { revision?: unknown } | undefined)?.revision;
        if (typeof revision === 'number') {
          context.switchToHttp().getResponse().header('etag', `"${revision}"`);
        }
        return body;
      }),
    );
  }
}
