import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Mirrors the `orders` table (migration CreateOrdering); the repository writes it with SQL. */
@Entity({ name: 'orders' })
export class OrderEntity {
  @PrimaryColumn('uuid')
  id: string;
  @Column('text', { unique: true })
  number: string;
  /** null: a guest order (held by its order token). */
  @Column('uuid', { name: 'customer_id', nullable: true })
  customerId: string | null;
  /** SHA-256 of a guest order's token (migration GuestOrders). */
  @Column('bytea', { name: 'order_token_hash', nullable: true })
  orderTokenHash: Buffer | null;
  @Column('text', { nullable: true })
  email: string | null;
  @Column('text')
  status: string;
  @Column('char', { length: 3 })
  currency: string;
  @Column('bigint', { name: 'subtotal_amount' })
  subtotalAmount: string;
  @Column('bigint', { name: 'shipping_fee_amount' })
  shippingFeeAmount: string;
  @Column('bigint', { name: 'total_amount' })
  totalAmount: string;
  @Column('bigint', { name: 'discount_total_amount', default: 0 })
  discountTotalAmount: string;
  @Column('bigint', { name: 'tax_total_amount', default: 0 })
  taxTotalAmount: string;
  @Column('boolean', { name: 'prices_include_tax', default: false })
  pricesIncludeTax: boolean;
  /** {id, code, name} of the method at checkout; null for orders from before shipping methods. */
  @Column('jsonb', { name: 'shipping_method', nullable: true })
  shippingMethod: Record<string, string> | null;
  @Column('jsonb', { name: 'tax_lines', default: () => `'[]'` })
  taxLines: unknown[];
  @Column('jsonb', { default: () => `'[]'` })
  discounts: unknown[];
  @Column('jsonb', { name: 'shipping_address' })
  shippingAddress: Record<string, string>;
  @Column('text', { nullable: true })
  carrier: string | null;
  @Column('text', { name: 'tracking_number', nullable: true })
  trackingNumber: string | null;
  @Column('timestamptz', { name: 'payment_due_at' })
  paymentDueAt: Date;
  @Column('integer', { default: 1 })
  version: number;
  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
