import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { MovementKind } from '../domain/stock-movement';
import { StockLevelEntity } from './stock-level.entity';

/** The append-only ledger (a trigger refuses UPDATE, DELETE and TRUNCATE). */
@Entity('stock_movements')
@Index('stock_movements_variant_newest_first', { synchronize: false })
@Check('stock_movements_kind_known', `kind IN ('adjustment', 'reservation', 'release', 'commit', 'restock')`)
@Check('stock_movements_changes_something', 'delta <> 0 OR reserved_delta <> 0')
@Check('stock_movements_reason_length', 'char_length(reason) BETWEEN 1 AND 200')
@Check('stock_movements_reference_length', 'reference IS NULL OR char_length(reference) BETWEEN 1 AND 200')
export class StockMovementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'variant_id', type: 'uuid' })
  variantId: string;

  @ManyToOne(() => StockLevelEntity, { nullable: false })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'stock_movements_variant_id_fkey' })
  level?: StockLevelEntity;

  @Column({ type: 'text' })
  kind: MovementKind;

  /** Change of on-hand units. */
  @Column({ type: 'integer' })
  delta: number;

  @Column({ name: 'reserved_delta', type: 'integer', default: 0 })
  reservedDelta: number;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text', nullable: true })
  reference: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
