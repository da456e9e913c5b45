import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Mirrors migration CreateCatalog (its partial listing indexes and the generated `search_vector`
 * live only there); the catalog reads and writes through SQL in its repositories.
 */
@Entity({ name: 'products' })
export class ProductEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120, unique: true })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: string;

  @Column({ name: 'category_id', type: 'uuid', nullable: true })
  categoryId: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  images: string[];

  @Column({ type: 'jsonb', default: () => `'{}'` })
  attributes: Record<string, string>;

  /** Lowest variant price in minor units (bigint: pg returns it as a string). */
  @Column({ name: 'price_min', type: 'bigint', nullable: true })
  priceMin: string | null;

  @Column({ name: 'price_max', type: 'bigint', nullable: true })
  priceMax: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
