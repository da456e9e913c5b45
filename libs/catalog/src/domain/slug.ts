/** Lower-case ASCII words joined by single hyphens, e.g. `trail-running-shoes`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 120;

/** Leaves room for a `-<n>` suffix when a generated slug is taken. */
const GENERATED_SLUG_MAX_LENGTH = SLUG_MAX_LENGTH - 12;

/**
 * Derives a slug from a display name: accents are dropped (é → e), everything that is not a
 * letter or digit separates words. A name with nothing usable (e.g. only emoji) gets `fallback`.
 */
export function slugify(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, GENERATED_SLUG_MAX_LENGTH)
    .replace(/^-+|-+$/g, '');
  return slug || fallback;
}

/** The n-th alternative of a taken generated slug: `shoes`, `shoes-2`, `shoes-3`, ... */
export function slugWithSuffix(base: string, n: number): string {
  return n <= 1 ? base : `${base}-${n}`;
}
