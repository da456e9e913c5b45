import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@congocart/shared';
import { ProductView, toProductView } from './catalog-views';
import { ProductListing } from './product-listing.port';

/** Any product by id, whatever its status. */
@Injectable()
export class GetAdminProduct {
  constructor(private readonly listing: ProductListing) {}

  async execute(id: string): Promise<ProductView> {
    const product = await this.listing.findById(id);
    if (!product) throw new NotFoundError('Product');
    return toProductView(product);
  }
}
