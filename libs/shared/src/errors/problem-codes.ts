/**
 * Every problem `code` the API answers, by status: what a client may switch on. The OpenAPI
 * document lists, per operation and status, these codes (or the narrower set the operation
 * declares with `ApiProblems`); the e2e suite fails on a code that is not listed. A new
 * DomainError code is added here, in the same change.
 */
export const PROBLEM_CODES: Record<number, readonly string[]> = {
  400: [
    'VALIDATION_FAILED',
    'MALFORMED_REQUEST',
    'MALFORMED_URL',
    'INVALID_CURSOR',
    'INVALID_TOKEN',
    'UNKNOWN_CATEGORY',
    'CATEGORY_TOO_DEEP',
    'WEBHOOK_URL_NOT_ALLOWED',
  ],
  401: ['UNAUTHORIZED', 'INVALID_CREDENTIALS', 'INVALID_REFRESH_TOKEN', 'INVALID_SIGNATURE'],
  402: ['PAYMENT_DECLINED'],
  403: ['FORBIDDEN', 'ACCOUNT_DISABLED', 'INVALID_CREDENTIALS'],
  404: ['NOT_FOUND', 'VARIANT_NOT_FOUND'],
  405: ['METHOD_NOT_ALLOWED'],
  406: ['NOT_ACCEPTABLE'],
  409: [
    'CONFLICT',
    'EMAIL_TAKEN',
    'LAST_ADMIN',
    'ADDRESS_LIMIT',
    'DEFAULT_ADDRESS_REQUIRED',
    'SLUG_TAKEN',
    'SKU_TAKEN',
    'CATEGORY_IN_USE',
    'CATEGORY_CYCLE',
    'CODE_TAKEN',
    'TAX_RATE_EXISTS',
    'STOCK_BELOW_RESERVED',
    'STOCK_LIMIT_EXCEEDED',
    'INSUFFICIENT_STOCK',
    'VARIANT_UNAVAILABLE',
    'CART_FULL',
    'PRICE_CHANGED',
    'PROMOTION_INVALID',
    'INVALID_ORDER_TRANSITION',
    'ORDER_CHANGED_CONCURRENTLY',
    'PAYMENT_PENDING',
    'NO_REFUNDABLE_PAYMENT',
    'IDEMPOTENCY_KEY_IN_USE',
    'WEBHOOK_ENDPOINT_INACTIVE',
  ],
  412: ['PRECONDITION_FAILED'],
  413: ['PAYLOAD_TOO_LARGE'],
  414: ['URI_TOO_LONG'],
  415: ['UNSUPPORTED_MEDIA_TYPE'],
  422: ['UNPROCESSABLE', 'CART_EMPTY', 'ORDER_TOO_LARGE', 'SHIPPING_UNAVAILABLE', 'PROMOTION_INVALID', 'IDEMPOTENCY_KEY_REUSED'],
  429: ['TOO_MANY_REQUESTS', 'TOO_MANY_UNPAID_ORDERS'],
  500: ['INTERNAL_ERROR'],
  503: ['SERVICE_UNAVAILABLE', 'PAYMENT_PROVIDER_UNAVAILABLE'],
};

/** Codes any operation may answer with a status, whatever it declares (framework-level answers). */
export const GENERIC_PROBLEM_CODES: Record<number, readonly string[]> = {
  400: ['VALIDATION_FAILED', 'MALFORMED_REQUEST', 'MALFORMED_URL'],
  401: ['UNAUTHORIZED'],
  403: ['FORBIDDEN'],
  404: ['NOT_FOUND'],
  429: ['TOO_MANY_REQUESTS'],
  503: ['SERVICE_UNAVAILABLE'],
};

/** A realistic problem per status, shown as the example of each error response. */
export const PROBLEM_EXAMPLES: Record<number, { code: string; detail: string; instance: string }> = {
  400: { code: 'VALIDATION_FAILED', detail: 'The request is invalid.', instance: '/api/v1/cart/items' },
  401: { code: 'UNAUTHORIZED', detail: 'Authentication is required: send a valid bearer token.', instance: '/api/v1/cart' },
  402: {
    code: 'PAYMENT_DECLINED',
    detail: 'The payment was declined: try another payment method (with a new Idempotency-Key).',
    instance: '/api/v1/orders/3d0c2f1e-8b1a-4c55-9d7e-0a4c1f5b2e77/payments',
  },
  403: { code: 'FORBIDDEN', detail: 'You are not allowed to do this.', instance: '/api/v1/admin/products' },
  404: { code: 'NOT_FOUND', detail: 'The resource was not found.', instance: '/api/v1/orders/3d0c2f1e-8b1a-4c55-9d7e-0a4c1f5b2e77' },
  409: { code: 'INSUFFICIENT_STOCK', detail: 'Only 2 of this variant can be bought now.', instance: '/api/v1/cart/items' },
  412: {
    code: 'PRECONDITION_FAILED',
    detail: 'The resource has changed since you read it (If-Match does not match).',
    instance: '/api/v1/admin/products/3d0c2f1e-8b1a-4c55-9d7e-0a4c1f5b2e77',
  },
  413: { code: 'PAYLOAD_TOO_LARGE', detail: 'The request body is too large.', instance: '/api/v1/checkout' },
  414: { code: 'URI_TOO_LONG', detail: 'A path segment of the URL is too long.', instance: '/api/v1/products/…' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'Send the request body as application/json.', instance: '/api/v1/cart/items' },
  422: { code: 'CART_EMPTY', detail: 'Your cart is empty: add something before checking out.', instance: '/api/v1/checkout' },
  429: { code: 'TOO_MANY_REQUESTS', detail: 'Too many requests: slow down and retry later.', instance: '/api/v1/products' },
  500: {
    code: 'INTERNAL_ERROR',
    detail: 'An unexpected error occurred. Quote the traceId when reporting it.',
    instance: '/api/v1/checkout',
  },
  503: { code: 'SERVICE_UNAVAILABLE', detail: 'The service is not ready.', instance: '/api/v1/products' },
};

/** What the server says with a code, for the examples of operations whose codes differ from the status's typical one. */
export const PROBLEM_DETAILS: Record<string, string> = {
  EMAIL_TAKEN: 'An account with this e-mail address already exists.',
  INVALID_CREDENTIALS: 'The e-mail address or password is wrong.',
  ACCOUNT_DISABLED: 'This account is disabled.',
  INVALID_REFRESH_TOKEN: 'The refresh token is invalid, expired or revoked: sign in again.',
  INVALID_ORDER_TRANSITION: 'An order that is fulfilled cannot become cancelled.',
  PAYMENT_PENDING: 'A payment for this order is awaiting confirmation from the provider.',
  INVALID_SIGNATURE: 'The webhook signature is missing, malformed or wrong.',
  SLUG_TAKEN: 'The slug "classic-t-shirt" is already in use.',
  SKU_TAKEN: 'A variant with this SKU already exists.',
  LAST_ADMIN: 'The last active admin cannot be demoted or disabled.',
  INVALID_TOKEN: 'The token is invalid, expired or already used.',
};
