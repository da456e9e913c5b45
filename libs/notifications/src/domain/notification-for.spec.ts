import { notificationFor } from './notification-for';

const order = {
  id: 'a3c1f1de-0000-4000-8000-000000000001',
  number: 'CC-10042',
  email: 'ada@example.com',
  lines: [{ name: 'Classic Tee', variantName: 'M / Red', quantity: 2, lineTotal: { amount: 3998, currency: 'USD' } }],
  subtotal: { amount: 3998, currency: 'USD' },
  shippingFee: { amount: 499, currency: 'USD' },
  total: { amount: 4497, currency: 'USD' },
  shipment: null as null | { carrier: string; trackingNumber: string },
};
const event = (type: string, data: Record<string, unknown> = order) => ({ id: 'evt', type, occurredAt: '2026-11-24T10:00:00.000Z', data });

describe('notificationFor', () => {
  it.each([
    ['order.placed', 'order_confirmation'],
    ['order.paid', 'payment_received'],
    ['order.cancelled', 'order_cancelled'],
    ['order.refunded', 'order_refunded'],
  ])('maps %s to %s for the order’s e-mail address', (type, template) => {
    expect(notificationFor(event(type))).toMatchObject({
      recipient: 'ada@example.com',
      notification: { template, order: { number: 'CC-10042' } },
    });
  });

  it('maps order.fulfilled to the shipping notice with carrier and tracking number', () => {
    const shipped = notificationFor(event('order.fulfilled', { ...order, shipment: { carrier: 'UPS', trackingNumber: '1Z9' } }));
    expect(shipped?.notification).toMatchObject({ template: 'order_shipped', carrier: 'UPS', trackingNumber: '1Z9' });
    expect(notificationFor(event('order.fulfilled'))).toBeNull(); // no shipment: nothing to tell
  });

  it('sends nothing for other events or incomplete data', () => {
    expect(notificationFor(event('order.delivered'))).toBeNull();
    expect(notificationFor(event('payment.succeeded'))).toBeNull();
    expect(notificationFor(event('order.placed', { ...order, email: undefined }))).toBeNull();
    expect(notificationFor(event('order.placed', { ...order, total: { amount: 1.5, currency: 'USD' } }))).toBeNull();
  });

  it('puts a guest order’s token into its confirmation only', () => {
    expect(notificationFor(event('order.placed'), { orderToken: 'tok' })?.notification).toMatchObject({
      template: 'order_confirmation',
      orderToken: 'tok',
    });
    expect(notificationFor(event('order.paid'), { orderToken: 'tok' })?.notification).not.toHaveProperty('orderToken');
    expect(notificationFor(event('order.placed'), { orderToken: null })?.notification).not.toHaveProperty('orderToken');
  });
});
