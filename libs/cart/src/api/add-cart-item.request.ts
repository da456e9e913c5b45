import { IntField, UuidField } from '@congocart/shared';
import { MAX_LINE_QUANTITY } from '../domain/cart-limits';

export class AddCartItemRequest {
  @UuidField({ description: 'The variant to add', example: '0b6f1f9e-5c1a-4c8e-9d7a-3f2e1d0c9b8a' })
  variantId: string;

  @IntField({ min: 1, max: MAX_LINE_QUANTITY, description: 'Units to add to the line (the line may hold at most 99)', example: 1 })
  quantity: number;
}
