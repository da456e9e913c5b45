import { Injectable } from '@nestjs/common';
import { NotFoundError, Transactional } from '@congocart/shared';
import { ProductRepository } from './product-repository.port';

/** DELETE hides a product for good but keeps it (orders and carts still name its variants). */
@Injectable()
export class ArchiveProduct {
  constructor(private readonly products: ProductRepository) {}

  @Transactional()
  async execute(id: string): Promise<void> {
    const outcome = await this.products.update(id, { status: 'archived' }, null);
    if (outcome === 'missing') throw new NotFoundError('Product');
  }
}
