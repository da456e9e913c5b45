import { IntField, StringField } from '@congocart/shared';
import { MAX_ADJUSTMENT } from '../domain/stock-level';

export class AdjustStockRequest {
  @IntField({
    min: -MAX_ADJUSTMENT,
    max: MAX_ADJUSTMENT,
    notZero: true,
    description: 'Change of on-hand units: positive for a delivery or a recount up, negative for damage, loss or a recount down. Not zero.',
    example: 24,
  })
  delta: number;

  @StringField({
    minLength: 1,
    maxLength: 200,
    trim: true,
    description: 'Why the stock changed (kept in the movement ledger)',
    example: 'Delivery from supplier, PO-1042',
  })
  reason: string;
}
