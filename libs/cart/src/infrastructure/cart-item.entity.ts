import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** Table `cart_items`: one line per (cart, variant). */
@Entity({ name: 'cart_items' })
@Unique('cart_items_one_line_per_variant', ['cartId', 'variantId'])
export class CartItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cart_id', type: 'uuid' })
  cartId: string;

  @Column({ name: 'variant_id', type: 'uuid' })
  variantId: string;

  @Column({ type: 'integer' })
  quantity: number;

  /** The unit price (minor units) the shopper saw when the line was added or last changed. */
  @Column({ name: 'seen_unit_price', type: 'bigint' })
  seenUnitPrice: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
