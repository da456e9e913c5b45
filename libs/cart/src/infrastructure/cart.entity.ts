import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Table `carts` (schema in migrations/1764000400000-CreateCarts.ts). */
@Entity({ name: 'carts' })
@Index('carts_one_active_per_customer', ['customerId'], { unique: true, where: `status = 'active' AND customer_id IS NOT NULL` })
export class CartEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId: string | null;

  /** SHA-256 of a guest cart's token; null for customer carts. */
  @Column({ name: 'token_hash', type: 'bytea', nullable: true })
  tokenHash: Buffer | null;

  @Column({ type: 'text', default: 'active' })
  status: 'active' | 'checked_out';

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
