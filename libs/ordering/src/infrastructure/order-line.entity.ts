import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Mirrors the `order_lines` table: a snapshot of each cart line at checkout. */
@Entity({ name: 'order_lines' })
export class OrderLineEntity {
  @PrimaryColumn('uuid', { name: 'order_id' })
  orderId: string;
  @PrimaryColumn('smallint')
  position: number;
  @Column('uuid', { name: 'variant_id' })
  variantId: string;
  @Column('uuid', { name: 'product_id' })
  productId: string;
  @Column('text')
  sku: string;
  @Column('text', { name: 'product_name' })
  productName: string;
  @Column('text', { name: 'variant_name' })
  variantName: string;
  @Column('jsonb')
  options: Record<string, string>;
  @Column('bigint', { name: 'unit_price_amount' })
  unitPriceAmount: string;
  @Column('integer')
  quantity: number;
  @Column('bigint', { name: 'line_total_amount' })
  lineTotalAmount: string;
  @Column('bigint', { name: 'discount_amount', default: 0 })
  discountAmount: string;
  @Column('bigint', { name: 'tax_amount', default: 0 })
  taxAmount: string;
  /** Basis points. */
  @Column('integer', { name: 'tax_rate', default: 0 })
  taxRate: number;
}
