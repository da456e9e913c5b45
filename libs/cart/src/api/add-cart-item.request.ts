import { IntField, UuidField } from '@congocart/shared';
import { MAX_LINE_QUANTITY } from '../domain/cart-limits';

export class AddCartItemRequest {
  // The example is the first demo variant (its id is md5('congocart-demo-variant:1:1') with the version and variant digits of a v4 UUID, see apps/api/src/seed/demo-seed.ts).
  @UuidField({ description: 'The variant to add', example: '8a664d33-6415-41c0-8c0f-a6150dec7446' })
  variantId: string;

  @IntField({ min: 1, max: MAX_LINE_QUANTITY, description: 'Units to add to the line (the line may hold at most 99)', example: 1 })
  quantity: number;
}
