import { assertTransition, canTransition, InvalidOrderTransitionError, ORDER_STATUSES, OrderStatus } from './order-status';

const ALLOWED: [OrderStatus, OrderStatus][] = [
  ['pending_payment', 'paid'],
  ['pending_payment', 'cancelled'],
  ['paid', 'fulfilled'],
  ['paid', 'cancelled'],
  ['fulfilled', 'delivered'],
  ['delivered', 'refunded'],
];

const allPairs = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as [OrderStatus, OrderStatus]));
const isAllowed = (from: OrderStatus, to: OrderStatus) => ALLOWED.some(([f, t]) => f === from && t === to);

describe('order state machine', () => {
  it('covers all 36 pairs of states', () => {
    expect(allPairs).toHaveLength(36);
  });

  it.each(ALLOWED)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(allPairs.filter(([from, to]) => !isAllowed(from, to)))('forbids %s → %s with INVALID_ORDER_TRANSITION (409)', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    let thrown: unknown;
    try {
      assertTransition(from, to);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidOrderTransitionError);
    expect(thrown).toMatchObject({
      code: 'INVALID_ORDER_TRANSITION',
      status: 409,
      extensions: { currentStatus: from, requestedStatus: to },
    });
  });

  it('has cancelled and refunded as final states', () => {
    for (const to of ORDER_STATUSES) {
      expect(canTransition('cancelled', to)).toBe(false);
      expect(canTransition('refunded', to)).toBe(false);
    }
  });
});
