import { normaliseSubscription, orderKeyOf } from './event-types';

describe('event subscriptions', () => {
  it('accepts known types (deduplicated) or "*" alone', () => {
    expect(normaliseSubscription(['order.paid', 'order.paid', 'payment.failed'])).toEqual(['order.paid', 'payment.failed']);
    expect(normaliseSubscription(['*'])).toEqual(['*']);
    expect(normaliseSubscription(['*', 'order.paid'])).toBeNull();
    expect(normaliseSubscription(['order.shipped'])).toBeNull();
    expect(normaliseSubscription([])).toBeNull();
  });

  it('orders deliveries by the order an event is about', () => {
    const base = { id: 'e', occurredAt: '2026-11-24T10:00:00.000Z' };
    expect(orderKeyOf({ ...base, type: 'order.paid', data: { id: 'o1' } })).toBe('o1');
    expect(orderKeyOf({ ...base, type: 'payment.succeeded', data: { id: 'p1', orderId: 'o1' } })).toBe('o1');
    expect(orderKeyOf({ ...base, type: 'inventory.low_stock', data: { variantId: 'v1' } })).toBeNull();
  });
});
