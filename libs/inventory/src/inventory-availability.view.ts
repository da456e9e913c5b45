/**
 * The read-side SQL view inventory owns for other contexts' listing queries (LEFT JOIN it on
 * `variant_id`; a variant without a row has nothing available). Columns:
 * - `variant_id` uuid: the catalog variant's id;
 * - `on_hand` integer: units in the building;
 * - `reserved` integer: units promised to unpaid or unfulfilled orders;
 * - `available` integer: on_hand − reserved (never negative).
 */
export const INVENTORY_AVAILABILITY_VIEW = 'inventory_availability';
