import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per variant (migration 1764000200000); counts change only through conditional SQL. */
@Entity('stock_levels')
@Check('stock_levels_on_hand_not_negative', 'on_hand >= 0')
@Check('stock_levels_reserved_within_on_hand', 'reserved >= 0 AND reserved <= on_hand')
export class StockLevelEntity {
  @PrimaryColumn({ name: 'variant_id', type: 'uuid' })
  variantId: string;

  @Column({ name: 'on_hand', type: 'integer', default: 0 })
  onHand: number;

  @Column({ type: 'integer', default: 0 })
  reserved: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
