/** A quantity of one variant, as checkout and orders pass it to the reservation API. */
export interface StockLine {
  variantId: string;
  quantity: number;
}

/** What the inventory's public API says about a line it could not serve. */
export interface ShortLine {
  variantId: string;
  requested: number;
  available: number;
}
