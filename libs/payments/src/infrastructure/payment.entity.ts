import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Mirrors the `payments` table (migration CreatePayments); the repository writes it with SQL. */
@Entity({ name: 'payments' })
export class PaymentEntity {
  @PrimaryColumn('uuid')
  id: string;
  @Column('uuid', { name: 'order_id' })
  orderId: string;
  @Column('uuid', { name: 'customer_id', nullable: true })
  customerId: string | null;
  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey: string | null;
  @Column('text')
  provider: string;
  @Column('text', { name: 'provider_reference', nullable: true })
  providerReference: string | null;
  @Column('text')
  status: string;
  @Column('bigint')
  amount: string;
  @Column('char', { length: 3 })
  currency: string;
  @Column('text', { name: 'failure_code', nullable: true })
  failureCode: string | null;
  @Column('text', { name: 'refund_reference', nullable: true })
  refundReference: string | null;
  @Column('timestamptz', { name: 'refunded_at', nullable: true })
  refundedAt: Date | null;
  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
