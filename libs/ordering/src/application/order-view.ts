import type { HistoryEntry, OrderState } from '../domain/order';
import type { OrderPaymentView } from './order-payment-records.port';

/** A payment as the API shows it (the Payment resource). */
export function paymentView(payment: OrderPaymentView) {
  return {
    id: payment.id,
    orderId: payment.orderId,
    status: payment.status,
    amount: { amount: payment.amount, currency: payment.currency },
    provider: payment.provider,
    createdAt: payment.createdAt.toISOString(),
  };
}

/** An order as the admin API shows it: the response body and the `data` of order events. */
export function orderView(order: Readonly<OrderState>, payments: readonly OrderPaymentView[]) {
  const money = (amount: number) => ({ amount, currency: order.currency });
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    customerId: order.customerId,
    email: order.email,
    lines: order.lines.map((line) => ({
      variantId: line.variantId,
      productId: line.productId,
      sku: line.sku,
      name: line.productName,
      variantName: line.variantName,
      options: line.options,
      unitPrice: money(line.unitPrice),
      quantity: line.quantity,
      lineTotal: money(line.lineTotal),
      discountAmount: money(line.discountAmount),
      taxAmount: money(line.taxAmount),
      taxRate: line.taxRate,
    })),
    subtotal: money(order.subtotal),
    discountTotal: money(order.discountTotal),
    shippingFee: money(order.shippingFee),
    taxTotal: money(order.taxTotal),
    total: money(order.total),
    pricesIncludeTax: order.pricesIncludeTax,
    discounts: order.discounts.map((discount) => ({
      promotionId: discount.promotionId,
      code: discount.code,
      name: discount.name,
      kind: discount.kind,
      amount: money(discount.amount),
    })),
    taxLines: order.taxLines.map((line) => ({
      name: line.name,
      rate: line.rate,
      taxCategory: line.taxCategory,
      amount: money(line.amount),
    })),
    shippingMethod: order.shippingMethod ? { ...order.shippingMethod } : null,
    shippingAddress: { ...order.shippingAddress },
    shipment: order.shipment ? { ...order.shipment } : null,
    payments: payments.map(paymentView),
    history: order.history.map(historyEntryView),
    paymentDueAt: order.paymentDueAt.toISOString(),
    version: order.version,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

function historyEntryView(entry: HistoryEntry) {
  return { from: entry.from, to: entry.to, at: entry.at.toISOString(), actor: entry.actor, reason: entry.reason };
}
