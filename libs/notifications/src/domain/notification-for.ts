import type { Money, Notification, OrderSummary } from './notification';

export interface DomainEvent {
  id: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
  /** Sealed secrets for this deployment's subscribers (a guest order's `orderToken`). */
  sealed?: Record<string, string>;
}

const ORDER_TEMPLATES = {
  'order.placed': 'order_confirmation',
  'order.paid': 'payment_received',
  'order.cancelled': 'order_cancelled',
  'order.refunded': 'order_refunded',
} as const;

/**
 * The customer e-mail an event calls for, if any: order events (data = the admin Order) to the
 * order's e-mail address. Pure; null for other events or data without what the e-mail needs.
 * `orderToken` (a guest order's, unsealed by the caller) puts the token into the confirmation's link.
 */
export function notificationFor(
  event: DomainEvent,
  secrets: { orderToken?: string | null } = {},
): { recipient: string; notification: Notification } | null {
  if (!event.type.startsWith('order.')) return null;
  const recipient = event.data.email;
  const order = orderSummary(event.data);
  if (typeof recipient !== 'string' || recipient.trim() === '' || !order) return null;
  if (event.type === 'order.fulfilled') {
    const shipment = event.data.shipment as { carrier?: unknown; trackingNumber?: unknown } | null | undefined;
    if (typeof shipment?.carrier !== 'string' || typeof shipment.trackingNumber !== 'string') return null;
    return {
      recipient,
      notification: { template: 'order_shipped', order, carrier: shipment.carrier, trackingNumber: shipment.trackingNumber },
    };
  }
  const template = ORDER_TEMPLATES[event.type as keyof typeof ORDER_TEMPLATES];
  if (template === 'order_confirmation' && secrets.orderToken) {
    return { recipient, notification: { template, order, orderToken: secrets.orderToken } };
  }
  return template ? { recipient, notification: { template, order } } : null;
}

function orderSummary(data: Record<string, unknown>): OrderSummary | null {
  const total = money(data.total);
  if (typeof data.id !== 'string' || typeof data.number !== 'string' || !total || !Array.isArray(data.lines)) return null;
  const lines: OrderSummary['lines'] = [];
  for (const raw of data.lines as Record<string, unknown>[]) {
    const lineTotal = money(raw?.lineTotal);
    if (typeof raw?.name !== 'string' || typeof raw.quantity !== 'number' || !lineTotal) return null;
    lines.push({
      name: raw.name,
      variantName: typeof raw.variantName === 'string' ? raw.variantName : undefined,
      quantity: raw.quantity,
      lineTotal,
    });
  }
  return {
    id: data.id,
    number: data.number,
    lines,
    subtotal: money(data.subtotal) ?? undefined,
    shippingFee: money(data.shippingFee) ?? undefined,
    total,
  };
}

function money(value: unknown): Money | null {
  const candidate = value as Partial<Money> | null | undefined;
  if (typeof candidate?.amount !== 'number' || !Number.isInteger(candidate.amount) || typeof candidate.currency !== 'string') return null;
  return { amount: candidate.amount, currency: candidate.currency };
}
