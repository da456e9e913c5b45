import { IntField } from '@congocart/shared';
import { MAX_LINE_QUANTITY } from '../domain/cart-limits';

export class ChangeCartItemQuantityRequest {
  @IntField({ min: 1, max: MAX_LINE_QUANTITY, description: 'The line’s new quantity', example: 2 })
  quantity: number;
}
