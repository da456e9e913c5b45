import { Injectable } from '@nestjs/common';
import { VariantCatalog } from '@congocart/catalog';
import { InventoryAvailability } from '@congocart/inventory';
import type { VariantFacts } from '../domain/cart-line';

/** Current prices and stock for a set of variants: one catalog call and one inventory call, whatever the count. */
@Injectable()
export class VariantFactsLookup {
  constructor(
    private readonly catalog: VariantCatalog,
    private readonly inventory: InventoryAvailability,
  ) {}

  async forVariants(variantIds: string[]): Promise<VariantFacts> {
    const ids = [...new Set(variantIds)];
    if (ids.length === 0) return { quotes: new Map(), available: new Map() };
    const [quotes, available] = await Promise.all([this.catalog.findVariants(ids), this.inventory.availableFor(ids)]);
    return { quotes, available };
  }
}
