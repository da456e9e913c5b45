import { ConflictError, DomainError, NotFoundError } from '@congocart/shared/kernel';

export class WebhookEndpointNotFoundError extends NotFoundError {
  constructor() {
    super('Webhook endpoint');
  }
}

export class WebhookDeliveryNotFoundError extends NotFoundError {
  constructor() {
    super('Webhook delivery');
  }
}

/** A URL refused by the scheme rules or, in production, because it reaches a private address (SSRF). */
export class WebhookUrlNotAllowedError extends DomainError {
  readonly code = 'WEBHOOK_URL_NOT_ALLOWED';
  readonly status = 400;
  constructor(problem: string) {
    super(`The webhook URL ${problem}.`, { errors: [{ field: 'url', message: `url ${problem}` }] });
  }
}

export class WebhookEndpointInactiveError extends ConflictError {
  constructor() {
    super('WEBHOOK_ENDPOINT_INACTIVE', 'The webhook endpoint is inactive: activate it before retrying a delivery.');
  }
}
