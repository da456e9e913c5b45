/**
 * What caused a movement. `delta` is the change of on-hand units and `reservedDelta` the change of
 * reserved units, so per variant sum(delta) = onHand and sum(reservedDelta) = reserved.
 */
export const MOVEMENT_KINDS = ['adjustment', 'reservation', 'release', 'commit', 'restock'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export interface StockMovement {
  id: string;
  variantId: string;
  kind: MovementKind;
  delta: number;
  reservedDelta: number;
  reason: string;
  reference: string | null;
  actorId: string | null;
  createdAt: Date;
}

/** The reason recorded for movements the system makes on behalf of orders. */
export const SYSTEM_REASONS: Record<Exclude<MovementKind, 'adjustment'>, string> = {
  reservation: 'Reserved for an order',
  release: 'Reservation released',
  commit: 'Shipped to the customer',
  restock: 'Returned to stock',
};
