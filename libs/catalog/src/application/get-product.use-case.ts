import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@congocart/shared';
import { CatalogCache } from './catalog-cache.port';
import { ProductView, toProductView } from './catalog-views';
import { ProductListing } from './product-listing.port';

export interface ProductRepresentation {
  /** The ProductView, serialised once when loaded: cached and sent as these bytes. */
  json: string;
  /** Weak validator of the representation: changes with content, prices and availability. */
  etag: string;
}

/** A published product for shoppers, by id or slug, as its JSON and ETag; drafts and archived products are not found. */
@Injectable()
export class GetProduct {
  constructor(
    private readonly listing: ProductListing,
    private readonly cache: CatalogCache,
  ) {}

  async execute(idOrSlug: string): Promise<ProductRepresentation> {
    const found = await this.cache.getOrLoad('products', `product:${idOrSlug}`, async () => {
      const product = await this.listing.findActive(idOrSlug);
      if (!product) return null;
      const json = JSON.stringify(toProductView(product) satisfies ProductView);
      return { json, etag: `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"` };
    });
    if (!found) throw new NotFoundError('Product');
    return found;
  }
}
