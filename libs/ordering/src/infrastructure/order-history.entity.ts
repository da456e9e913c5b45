import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Mirrors the append-only `order_history` table: one row per status change. */
@Entity({ name: 'order_history' })
export class OrderHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;
  @Column('uuid', { name: 'order_id' })
  orderId: string;
  @Column('text', { name: 'from_status', nullable: true })
  fromStatus: string | null;
  @Column('text', { name: 'to_status' })
  toStatus: string;
  @Column('text')
  actor: string;
  @Column('text', { nullable: true })
  reason: string | null;
  @Column('timestamptz')
  at: Date;
}
