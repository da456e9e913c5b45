import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Mirrors migration CreateCatalog; the catalog reads and writes through SQL in its repositories. */
@Entity({ name: 'product_variants' })
export class ProductVariantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  sku: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  options: Record<string, string>;

  /** Minor units (bigint: pg returns it as a string). */
  @Column({ name: 'price_amount', type: 'bigint' })
  priceAmount: string;

  @Column({ name: 'price_currency', type: 'char', length: 3 })
  priceCurrency: string;

  @Column({ name: 'tax_category', type: 'text', default: 'standard' })
  taxCategory: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
