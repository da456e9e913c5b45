import type { DynamicModule, Type } from '@nestjs/common';
import { CartModule } from '@congocart/cart';
import { CatalogModule } from '@congocart/catalog';
import { IdentityModule } from '@congocart/identity';
import { InventoryModule } from '@congocart/inventory';
import { OrderingModule } from '@congocart/ordering';
import { PaymentsModule } from '@congocart/payments';
import { PricingModule } from '@congocart/pricing';

/** The bounded contexts served by the API, in dependency order. */
export function contextModules(): (Type<unknown> | DynamicModule)[] {
  return [IdentityModule, InventoryModule, CatalogModule, PricingModule, CartModule, OrderingModule, PaymentsModule];
}
