import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { from, mergeMap, Observable } from 'rxjs';
import { CatalogCache } from '../application/catalog-cache.port';

/**
 * After a successful admin write (the use case's transaction has committed by then), drops the
 * cached shopper reads before the response leaves, so the writer's next read sees its change.
 */
@Injectable()
export class InvalidateCatalogCache implements NestInterceptor {
  constructor(private readonly cache: CatalogCache) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const method = context.switchToHttp().getRequest<{ method: string }>().method;
    if (method === 'GET' || method === 'HEAD') return next.handle();
    return next.handle().pipe(mergeMap((result) => from(this.cache.invalidate().then(() => result))));
  }
}
