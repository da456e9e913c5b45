import { ConflictError } from '@congocart/shared/kernel';
import type { ShortLine } from './stock-line';

export class InsufficientStockError extends ConflictError {
  constructor(readonly lines: ShortLine[]) {
    super('INSUFFICIENT_STOCK', 'Not enough stock is available.', { lines });
  }
}
