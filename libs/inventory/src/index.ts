// The inventory context's public surface.
export { InventoryModule } from './inventory.module';
export { StockReservations, InventoryAvailability, StockLevels } from './application/stock-reservations.port';
export { AvailabilityChanges } from './application/availability-changes';
export type { AvailabilityListener } from './application/availability-changes';
export type { StockLine, ShortLine } from './domain/stock-line';
export { InsufficientStockError } from './domain/insufficient-stock.error';
export { INVENTORY_AVAILABILITY_VIEW } from './inventory-availability.view';
