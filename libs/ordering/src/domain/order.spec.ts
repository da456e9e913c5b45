import { InvalidOrderTransitionError } from './order-status';
import { Order, SYSTEM_ACTOR } from './order';

const now = new Date('2026-11-24T10:00:00.000Z');
const later = new Date('2026-11-24T11:00:00.000Z');

function placed(): Order {
  return Order.place({
    id: 'o1',
    number: 'CC-10001',
    customerId: 'c1',
    email: 'c1@example.com',
    currency: 'USD',
    lines: [
      {
        variantId: 'v1',
        productId: 'p1',
        sku: 'S1',
        productName: 'Tee',
        variantName: 'M',
        options: {},
        unitPrice: 1000,
        quantity: 2,
        lineTotal: 2000,
        discountAmount: 0,
        taxAmount: 0,
        taxRate: 0,
      },
    ],
    subtotal: 2000,
    discountTotal: 0,
    shippingFee: 499,
    taxTotal: 0,
    total: 2499,
    pricesIncludeTax: false,
    shippingMethod: { id: 'm1', code: 'standard', name: 'Standard shipping' },
    taxLines: [],
    discounts: [],
    shippingAddress: { name: 'A', line1: 'B', city: 'C', postalCode: '1', country: 'US' },
    paymentDueAt: later,
    now,
  });
}

describe('order', () => {
  it('is placed pending payment with a first history entry by the customer', () => {
    const order = placed();
    expect(order.status).toBe('pending_payment');
    expect(order.snapshot().history).toEqual([{ from: null, to: 'pending_payment', at: now, actor: 'c1', reason: null }]);
    expect(order.newHistory()).toHaveLength(1);
    expect(order.stockLines()).toEqual([{ variantId: 'v1', quantity: 2 }]);
  });

  it('records every change with its actor and reason', () => {
    const order = placed();
    order.markSaved(1);
    order.markPaid('c1', 'payment succeeded', later);
    order.fulfil('staff-1', { carrier: 'UPS', trackingNumber: '1Z' }, later);
    order.deliver('staff-1', later);
    order.refund('admin-1', 'damaged', later);
    expect(order.status).toBe('refunded');
    expect(order.snapshot().shipment).toEqual({ carrier: 'UPS', trackingNumber: '1Z' });
    expect(order.newHistory().map((e) => [e.from, e.to, e.actor, e.reason])).toEqual([
      ['pending_payment', 'paid', 'c1', 'payment succeeded'],
      ['paid', 'fulfilled', 'staff-1', null],
      ['fulfilled', 'delivered', 'staff-1', null],
      ['delivered', 'refunded', 'admin-1', 'damaged'],
    ]);
  });

  it('asks for a refund only when a paid order is cancelled', () => {
    const unpaid = placed();
    expect(unpaid.cancel(SYSTEM_ACTOR, 'payment window expired')).toEqual({ releaseStock: true, refundPayment: false });
    const paid = placed();
    paid.markPaid('c1');
    expect(paid.cancel('c1', 'changed my mind')).toEqual({ releaseStock: true, refundPayment: true });
  });

  it('refuses to cancel after fulfilment and leaves the order untouched', () => {
    const order = placed();
    order.markPaid('c1');
    order.fulfil('s', { carrier: 'DHL', trackingNumber: 'X' });
    const before = order.snapshot();
    expect(() => order.cancel('c1', 'too late')).toThrow(InvalidOrderTransitionError);
    expect(order.snapshot()).toEqual(before);
  });

  it('takes the stored version once saved and forgets the stored history', () => {
    const order = placed();
    expect(order.version).toBe(1);
    order.markSaved(2);
    expect(order.version).toBe(2);
    expect(order.newHistory()).toHaveLength(0);
  });
});
