import { EnumField, PageQuery } from '@congocart/shared';
import { PRODUCT_STATUSES, ProductStatus } from '../domain/product-status';

export class ListAdminProductsRequest extends PageQuery {
  @EnumField(PRODUCT_STATUSES, { optional: true, enumName: 'ProductStatus' })
  status?: ProductStatus;
}
