import type { ShippingMethod } from '../domain/shipping-method';

export type NewShippingMethod = Omit<ShippingMethod, 'id' | 'createdAt' | 'updatedAt'>;
export type ShippingMethodChanges = Partial<NewShippingMethod>;

/** Storage of shipping methods; every method joins the ambient transaction. */
export abstract class ShippingMethodRepository {
  /** Ordered by code; `after` is the last code of the previous page. */
  abstract list(limit: number, after: string | null): Promise<ShippingMethod[]>;
  abstract findById(id: string): Promise<ShippingMethod | null>;
  /** Active methods serving `country` (or every country). */
  abstract findServing(country: string): Promise<ShippingMethod[]>;
  /** Throws ShippingCodeTakenError on a duplicate code. */
  abstract insert(method: NewShippingMethod): Promise<ShippingMethod>;
  /** null when there is no such method; a price change stops the `standard` method following SHIPPING_FEE_MINOR. */
  abstract update(id: string, changes: ShippingMethodChanges): Promise<ShippingMethod | null>;
  /** Sets the price of methods that still follow the SHIPPING_FEE_MINOR setting. */
  abstract applyConfiguredStandardFee(price: number): Promise<void>;
}
