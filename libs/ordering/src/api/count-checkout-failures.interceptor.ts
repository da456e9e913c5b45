import { CallHandler, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { DomainError, Metrics } from '@congocart/shared';

/** Counts refused checkouts by problem code (`checkout_failures_total`) on /metrics. */
@Injectable()
export class CountCheckoutFailures implements NestInterceptor {
  constructor(private readonly metrics: Metrics) {}

  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        this.metrics.checkoutFailures.inc({ code: error instanceof DomainError ? error.code : 'INTERNAL' });
        return throwError(() => error);
      }),
    );
  }
}
