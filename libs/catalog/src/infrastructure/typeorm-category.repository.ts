import { Injectable } from '@nestjs/common';
import { TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import type { Category } from '../domain/category-tree';
import { SlugTakenError, UnknownCategoryError } from '../domain/catalog.errors';
import { CategoryChanges, CategoryRepository, NewCategory } from '../application/category-repository.port';
import { translatingConstraints, violatedConstraint } from './constraint-errors';
import { highestSuffixSql, insertWithSlug } from './slug-allocation';

const CATEGORY_FIELDS = `id, name, slug, parent_id AS "parentId"`;
const CATEGORY_COLUMNS: Record<keyof CategoryChanges, string> = { name: 'name', slug: 'slug', parentId: 'parent_id' };

@Injectable()
export class TypeOrmCategoryRepository extends CategoryRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  private get tx() {
    return this.txHost.tx;
  }

  async insert(category: NewCategory): Promise<Category> {
    const id = await insertWithSlug(
      category.slug,
      async (slug) => {
        const rows: { id: string }[] = await translatingConstraints(
          this.tx.query(
            `INSERT INTO categories (name, slug, parent_id) VALUES ($1, $2, $3)
             ON CONFLICT ON CONSTRAINT categories_slug_key DO NOTHING RETURNING id`,
            [category.name, slug, category.parentId],
          ),
          { categories_parent_id_fkey: () => new UnknownCategoryError('parentId') },
        );
        return rows[0]?.id ?? null;
      },
      async (base) => Number(((await this.tx.query(highestSuffixSql('categories'), [base])) as { highest: unknown }[])[0].highest),
      (slug) => new SlugTakenError(slug),
    );
    return (await this.findById(id)) as Category;
  }

  async update(id: string, changes: CategoryChanges): Promise<Category | null> {
    const params: unknown[] = [id];
    const assignments = Object.entries(changes).map(([key, value]) => {
      params.push(value);
      return `${CATEGORY_COLUMNS[key as keyof CategoryChanges]} = $${params.length}`;
    });
    const [rows]: [Category[], number] = await translatingConstraints(
      this.tx.query(
        `UPDATE categories SET ${[...assignments, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING ${CATEGORY_FIELDS}`,
        params,
      ),
      {
        categories_slug_key: () => new SlugTakenError(String(changes.slug)),
        categories_parent_id_fkey: () => new UnknownCategoryError('parentId'),
      },
    );
    return rows[0] ?? null;
  }

  async delete(id: string): Promise<'deleted' | 'missing' | 'in-use'> {
    try {
      const [rows]: [unknown[], number] = await this.tx.query(
        `DELETE FROM categories
         WHERE id = $1
           AND NOT EXISTS (SELECT 1 FROM products WHERE category_id = $1)
           AND NOT EXISTS (SELECT 1 FROM categories WHERE parent_id = $1)
         RETURNING id`,
        [id],
      );
      if (rows.length) return 'deleted';
    } catch (error) {
      // A product or child added concurrently: the foreign key refuses what the checks above missed.
      if (violatedConstraint(error)?.kind === 'foreign-key') return 'in-use';
      throw error;
    }
    return (await this.findById(id)) ? 'in-use' : 'missing';
  }

  async findById(id: string): Promise<Category | null> {
    const rows: Category[] = await this.tx.query(`SELECT ${CATEGORY_FIELDS} FROM categories WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  listAll(): Promise<Category[]> {
    return this.tx.query(`SELECT ${CATEGORY_FIELDS} FROM categories ORDER BY name, id`);
  }

  async lockTree(): Promise<void> {
    await this.tx.query(`SELECT pg_advisory_xact_lock(hashtext('catalog.category-tree'))`);
  }

  async isSelfOrDescendant(candidateId: string, ancestorId: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.query(
      `WITH RECURSIVE subtree AS (
         SELECT id FROM categories WHERE id = $2
         UNION
         SELECT c.id FROM categories c JOIN subtree s ON c.parent_id = s.id
       )
       SELECT 1 FROM subtree WHERE id = $1`,
      [candidateId, ancestorId],
    );
    return rows.length > 0;
  }

  async depthOf(id: string): Promise<number> {
    const [row]: { depth: number }[] = await this.tx.query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id, 1 AS depth FROM categories WHERE id = $1
         UNION ALL
         SELECT c.id, c.parent_id, up.depth + 1 FROM categories c JOIN up ON c.id = up.parent_id WHERE up.depth < 64
       )
       SELECT coalesce(max(depth), 0)::int AS depth FROM up`,
      [id],
    );
    return row.depth;
  }

  async heightOf(id: string): Promise<number> {
    const [row]: { height: number }[] = await this.tx.query(
      `WITH RECURSIVE down AS (
         SELECT id, 1 AS level FROM categories WHERE id = $1
         UNION ALL
         SELECT c.id, down.level + 1 FROM categories c JOIN down ON c.parent_id = down.id WHERE down.level < 64
       )
       SELECT coalesce(max(level), 0)::int AS height FROM down`,
      [id],
    );
    return row.height;
  }
}
