import { BoolField, CompiledQuery, EnumField, IntField, MAX_MONEY_AMOUNT, PageQuery, StringField } from '@congocart/shared';
import { PRODUCT_SORTS, ProductSort } from '../application/product-listing.port';

/** The hottest query of the API: checked by its compiled schema (see CompiledQuery), the same 400s as ever. */
@CompiledQuery()
export class ListProductsRequest extends PageQuery {
  @StringField({
    optional: true,
    maxLength: 200,
    description: 'Full-text search over name and description; words match as prefixes',
    example: 'lapt',
  })
  q?: string;

  @StringField({ optional: true, maxLength: 120, description: 'Category id or slug; includes its sub-categories', example: 'computers' })
  category?: string;

  @IntField({
    optional: true,
    fromQuery: true,
    min: 0,
    max: MAX_MONEY_AMOUNT,
    description: 'Minor units, inclusive: some variant costs at least this',
  })
  minPrice?: number;

  @IntField({
    optional: true,
    fromQuery: true,
    min: 0,
    max: MAX_MONEY_AMOUNT,
    description: 'Minor units, inclusive: some variant costs at most this',
  })
  maxPrice?: number;

  @BoolField({ optional: true, fromQuery: true, description: 'true: only products with a variant available now' })
  inStock?: boolean;

  @EnumField(PRODUCT_SORTS, {
    optional: true,
    description: 'price/-price sort by the lowest variant price; default -createdAt',
    enumName: 'ProductSort',
  })
  sort?: ProductSort;
}
