// The ordering context's public surface.
export { OrderingModule } from './ordering.module';
export { OrderingConfig } from './ordering.config';
// Ports that the payments context implements for ordering.
export { OrderRefunds } from './application/order-refunds.port';
export type { OrderRefundRequest } from './application/order-refunds.port';
export { OrderPaymentRecords, PAYMENT_STATUSES } from './application/order-payment-records.port';
export type { OrderPaymentView, PaymentStatus } from './application/order-payment-records.port';
// What payments may call: the order row lock, paying and provider-side refunds.
export { OrderSettlement } from './application/order-settlement';
export type { PayableOrder } from './application/order-settlement';
export { InvalidOrderTransitionError } from './domain/order-status';
export { SYSTEM_ACTOR } from './domain/order';
// The Payment shape is part of an Order; payments answers with the same schema.
export { PaymentResponse } from './api/payment.response';
// The expiry sweep, callable directly (tests, operations).
export { ExpireUnpaidOrders, PAYMENT_WINDOW_EXPIRED } from './application/expire-unpaid-orders.use-case';
