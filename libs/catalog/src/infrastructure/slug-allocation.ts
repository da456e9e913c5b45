import { randomBytes } from 'node:crypto';
import type { SlugChoice } from '../application/product-repository.port';
import { slugWithSuffix } from '../domain/slug';

const NUMBERED_ATTEMPTS = 5;

/**
 * Inserts a row under a unique slug. `attempt` inserts with `ON CONFLICT (slug) DO NOTHING` and
 * returns the new id or null when the slug is taken, so the database decides atomically. An
 * explicit slug must be free; a generated one takes the next number (`shoes-3`), and after a few
 * lost races a random suffix.
 */
export async function insertWithSlug(
  choice: SlugChoice,
  attempt: (slug: string) => Promise<string | null>,
  highestSuffix: (base: string) => Promise<number>,
  onTaken: (slug: string) => Error,
): Promise<string> {
  const first = await attempt(choice.value);
  if (first) return first;
  if (choice.explicit) throw onTaken(choice.value);
  let next = Math.max(await highestSuffix(choice.value), 1) + 1;
  for (let tries = 0; tries < NUMBERED_ATTEMPTS; tries++, next++) {
    const id = await attempt(slugWithSuffix(choice.value, next));
    if (id) return id;
  }
  const id = await attempt(`${choice.value}-${randomBytes(4).toString('hex')}`);
  if (id) return id;
  throw onTaken(choice.value);
}

/** SQL for `highestSuffix`: the largest `-<n>` among `<base>-<n>` slugs of a table (1 when none). */
export function highestSuffixSql(table: 'products' | 'categories'): string {
  return `SELECT coalesce(max(least(substring(slug from '-([0-9]{1,9})$')::int, 999999)), 1) AS highest
          FROM ${table} WHERE slug LIKE $1 || '-%' AND slug ~ ('^' || $1 || '-[0-9]{1,9}$')`;
}
