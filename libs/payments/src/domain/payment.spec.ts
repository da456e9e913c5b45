import { canMovePayment, Payment, PAYMENT_STATUSES, refunded, settled } from './payment';

const at = new Date('2026-11-24T10:00:00.000Z');
const base: Payment = {
  id: 'p1',
  orderId: 'o1',
  customerId: 'c1',
  idempotencyKey: null,
  provider: 'sandbox',
  providerReference: 'ch_1',
  status: 'pending',
  amount: 2499,
  currency: 'USD',
  failureCode: null,
  refundReference: null,
  refundedAt: null,
  createdAt: at,
  updatedAt: at,
};

describe('payment states', () => {
  it('only moves pending → succeeded | failed and succeeded → refunded', () => {
    const allowed = PAYMENT_STATUSES.flatMap((from) =>
      PAYMENT_STATUSES.filter((to) => canMovePayment(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual(['pending→succeeded', 'pending→failed', 'succeeded→refunded']);
  });

  it('settles a pending payment once; a repeated or late outcome changes nothing', () => {
    const success = settled(base, 'succeeded', at);
    expect(success).toMatchObject({ status: 'succeeded', failureCode: null });
    expect(settled(success!, 'succeeded', at)).toBeNull();
    expect(settled(success!, 'failed', at)).toBeNull();
    expect(settled(base, 'failed', at, 'card_declined')).toMatchObject({ status: 'failed', failureCode: 'card_declined' });
  });

  it('refunds only a succeeded payment', () => {
    expect(refunded(base, 're_1', at)).toBeNull();
    expect(refunded({ ...base, status: 'succeeded' }, 're_1', at)).toMatchObject({
      status: 'refunded',
      refundReference: 're_1',
      refundedAt: at,
    });
    expect(refunded({ ...base, status: 'refunded' }, 're_2', at)).toBeNull();
  });
});
