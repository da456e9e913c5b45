import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** Mirrors migration CreateCatalog; the catalog reads and writes through SQL in its repositories. */
@Entity({ name: 'categories' })
@Unique('categories_slug_key', ['slug'])
export class CategoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 120 })
  slug: string;

  @Index('categories_parent_id_idx')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
