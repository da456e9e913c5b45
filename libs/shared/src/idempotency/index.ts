export { IdempotencyModule } from './idempotency.module';
export { Idempotent } from './idempotent.decorator';
export { IdempotencyInterceptor } from './idempotency.interceptor';
export { IdempotencyStore } from './idempotency.store';
export { IdempotencyConfig } from './idempotency.config';
export { IdempotencyPurgeTask } from './idempotency-purge.task';
export { IdempotencyKeyInUseError, IdempotencyKeyReusedError } from './idempotency.errors';
export { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, parseIdempotencyKey, requestFingerprint } from './idempotency-key';
