import { SLUG_MAX_LENGTH, SLUG_PATTERN, slugify, slugWithSuffix } from './slug';

describe('slugify', () => {
  it('lower-cases words and joins them with single hyphens', () => {
    expect(slugify('  Trail Running   Shoes! ', 'product')).toBe('trail-running-shoes');
  });

  it('drops accents instead of dropping letters', () => {
    expect(slugify('Crème Brûlée Café', 'product')).toBe('creme-brulee-cafe');
  });

  it('falls back when nothing usable remains', () => {
    expect(slugify('🙂🙂', 'product')).toBe('product');
  });

  it('always yields a valid slug that leaves room for a suffix', () => {
    const slug = slugify('x'.repeat(500) + ' y', 'product');
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slugWithSuffix(slug, 99999).length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
  });

  it('numbers alternatives from 2', () => {
    expect(slugWithSuffix('shoes', 1)).toBe('shoes');
    expect(slugWithSuffix('shoes', 2)).toBe('shoes-2');
  });
});
