import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { compiledQueryOf, createValidationPipe } from '@congocart/shared';
import { ListProductsRequest } from './list-products.request';

const metadata: ArgumentMetadata = { type: 'query', metatype: ListProductsRequest, data: undefined };
const pipe = createValidationPipe();
/** What class-validator alone makes of a query (the path every query took before it was compiled). */
const reflected = (query: object) => ValidationPipe.prototype.transform.call(pipe, query, metadata);
const outcome = (work: Promise<unknown>) =>
  work.then(
    (value) => ({ value, type: (value as object).constructor }),
    (error: { errors?: unknown; message?: string }) => ({ error: error.errors ?? error.message }),
  );

const queries: Record<string, string | string[]>[] = [
  {},
  { limit: '20' },
  { limit: '1' },
  { limit: '100' },
  { limit: '0' },
  { limit: '101' },
  { limit: '1.5' },
  { limit: 'abc' },
  { limit: '007' },
  { limit: '-0' },
  { limit: '' },
  { q: 'lamp', inStock: 'true', sort: 'price', limit: '50' },
  { q: '' },
  { q: 'x'.repeat(200) },
  { q: 'x'.repeat(201) },
  { q: '😀'.repeat(150) },
  { q: ['a', 'b'] },
  { inStock: 'false' },
  { inStock: '1' },
  { sort: '-createdAt' },
  { sort: 'bogus' },
  { minPrice: '0', maxPrice: '100000' },
  { minPrice: '-1' },
  { maxPrice: '99999999999999999' },
  { category: 'shoes' },
  { category: 'c'.repeat(121) },
  { cursor: 'abc' },
  { cursor: 'c'.repeat(513) },
  { unknown: '1' },
  { limit: '20', unknown: '1' },
];

describe('ListProductsRequest, checked by its compiled schema', () => {
  it.each(queries.map((query) => [JSON.stringify(query).slice(0, 60), query]))(
    '%s: the same outcome as class-validator (value or 400 problems)',
    async (_name, query) => {
      expect(await outcome(pipe.transform(query, metadata))).toEqual(await outcome(reflected(query)));
    },
  );

  it('accepts the common queries itself, without class-validator', () => {
    const check = compiledQueryOf(ListProductsRequest)!;
    expect(check({})).toBeInstanceOf(ListProductsRequest);
    expect(check({ q: 'lamp', inStock: 'true', sort: 'price', limit: '50', cursor: 'abc' })).toEqual(
      Object.assign(new ListProductsRequest(), { q: 'lamp', inStock: true, sort: 'price', limit: 50, cursor: 'abc' }),
    );
    expect(check({ limit: '101' })).toBeUndefined();
    expect(check({ unknown: '1' })).toBeUndefined();
  });
});

it('reports class-validator’s field problems for a query the compiled schema leaves to it', async () => {
  await expect(pipe.transform({ limit: '101' }, metadata)).rejects.toMatchObject({
    errors: [{ field: 'limit', message: 'limit must not be greater than 100' }],
  });
});
