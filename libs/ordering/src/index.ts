// The ordering context's public surface.
export { OrderingModule } from './ordering.module';
export { OrderingConfig } from './ordering.config';
// Ports that the payments context implements for ordering.
export { OrderRefunds } from './application/order-refunds.port';
export type { OrderRefundRequest } from './application/order-refunds.port';
export { OrderPaymentRecords } from './application/order-payment-records.port';
export type { OrderPaymentView } from './application/order-payment-records.port';
// What payments may call: the order row lock, paying and provider-side refunds.
export { OrderSettlement } from './application/order-settlement';
export type { PayableOrder } from './application/order-settlement';
export { InvalidOrderTransitionError } from './domain/order-status';
export { SYSTEM_ACTOR, GUEST_ACTOR } from './domain/order';
// Guest orders: the X-Order-Token check and its header, for payments' guest-order route.
export { GuestOrderAccess } from './application/guest-order-access';
export { ORDER_TOKEN_HEADER, OrderTokenHeader, RequestOrderToken } from './api/order-token.header';
// The expiry sweep, callable directly (tests, operations).
export { ExpireUnpaidOrders, PAYMENT_WINDOW_EXPIRED } from './application/expire-unpaid-orders.use-case';
