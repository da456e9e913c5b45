import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, Observable, throwError } from 'rxjs';
import { TooManyAccountRequestsError } from '../domain/accounts.errors';
import { TooManyLoginFailuresError } from '../domain/identity.errors';

/** Puts a throttled sign-in's (or account request's) delay in Retry-After; the shared problem filter renders only the body. */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof TooManyLoginFailuresError || error instanceof TooManyAccountRequestsError) {
          context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(error.retryAfterSeconds));
        }
        return throwError(() => error);
      }),
    );
  }
}
