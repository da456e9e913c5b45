import { randomUUID } from 'node:crypto';

/** A realistic admin Order, as order events carry it (`data` of order.*). */
export function adminOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const money = (amount: number) => ({ amount, currency: 'USD' });
  return {
    id: randomUUID(),
    number: `CC-${10000 + Math.floor(Math.random() * 89999)}`,
    status: 'pending_payment',
    customerId: randomUUID(),
    email: 'ada@example.com',
    lines: [
      {
        variantId: randomUUID(),
        productId: randomUUID(),
        sku: 'TEE-M-RED',
        name: 'Classic Tee',
        variantName: 'Medium / Red',
        options: { size: 'M', colour: 'red' },
        unitPrice: money(1999),
        quantity: 2,
        lineTotal: money(3998),
      },
    ],
    subtotal: money(3998),
    shippingFee: money(499),
    total: money(4497),
    shippingAddress: { name: 'Ada Lovelace', line1: '12 St James Sq', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
    shipment: null,
    payments: [],
    history: [],
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

export function orderEvent(type: string, data: Record<string, unknown>) {
  return { id: randomUUID(), type, occurredAt: new Date().toISOString(), data };
}
