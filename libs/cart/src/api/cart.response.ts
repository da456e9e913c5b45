import { ApiProperty } from '@nestjs/swagger';
import { AppliedDiscountResponse, PROMOTION_INVALID_REASONS } from '@congocart/pricing';
import { MoneyResponse } from '@congocart/shared';
import type { CappedLine } from '../domain/cart-line.rules';
import type { CartItemView, CartView } from '../domain/cart-view';

export class CartItemResponse {
  @ApiProperty({ format: 'uuid', description: 'The {itemId} of the item routes' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  variantId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  productId: string | null;
  @ApiProperty({ example: 'Linen shirt' })
  productName: string;
  @ApiProperty({ example: 'SHIRT-LIN-M-RED' })
  sku: string;
  @ApiProperty({ example: 'Medium / Red', description: 'The variant’s name' })
  name: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { size: 'M', colour: 'red' } })
  options: Record<string, string>;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 99, example: 2 })
  quantity: number;
  @ApiProperty({ type: MoneyResponse, description: 'The catalog’s current price' })
  unitPrice: MoneyResponse;
  @ApiProperty({ type: MoneyResponse })
  lineTotal: MoneyResponse;
  @ApiProperty({ type: MoneyResponse, description: 'This line’s share of the line discounts' })
  discountAmount: MoneyResponse;
  @ApiProperty({ type: 'integer', example: 12, description: 'Units available now (on hand − reserved); a cart reserves nothing' })
  available: number;
  @ApiProperty({ description: 'The price differs from the one shown when the line was added or last changed' })
  priceChanged: boolean;
  @ApiProperty({ description: 'false when the variant is no longer for sale (draft or archived product)' })
  purchasable: boolean;
}

/** What checkout would charge with the cheapest shipping option to the cart's destination. */
export class CartEstimateResponse {
  @ApiProperty({ type: MoneyResponse })
  shippingFee: MoneyResponse;
  @ApiProperty({ type: MoneyResponse, description: 'Added on top, or (PRICES_INCLUDE_TAX) the part of the total that is tax' })
  taxTotal: MoneyResponse;
  @ApiProperty({ type: MoneyResponse })
  total: MoneyResponse;
}

export class CartResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: [CartItemResponse], description: 'In the order they were added' })
  items: CartItemResponse[];
  @ApiProperty({ type: 'integer', example: 3, description: 'Sum of the quantities' })
  itemCount: number;
  @ApiProperty({ type: MoneyResponse, description: 'Sum of the line totals at current prices' })
  subtotal: MoneyResponse;
  @ApiProperty({ type: String, nullable: true, example: 'WELCOME10', description: 'The code applied (POST …/promotion-code), at most one' })
  promotionCode: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: PROMOTION_INVALID_REASONS,
    enumName: 'PromotionInvalidReason',
    example: 'exhausted',
    description:
      'Why the applied code gives no discount now (it is kept until removed or replaced; checkout refuses it: 409); null: it applies',
  })
  promotionCodeInvalid: string | null;
  @ApiProperty({
    type: [AppliedDiscountResponse],
    description: 'Promotions applied: percentages (compounding), then fixed amounts, then free shipping; ties by creation time',
  })
  discounts: AppliedDiscountResponse[];
  @ApiProperty({ type: MoneyResponse, description: 'Line discounts (a free-shipping discount is not counted)' })
  discountTotal: MoneyResponse;
  @ApiProperty({ example: 'USD' })
  currency: string;
  @ApiProperty({ type: String, nullable: true, example: 'KE', description: 'Set by PUT …/destination' })
  shippingCountry: string | null;
  @ApiProperty({ type: String, nullable: true, example: null })
  shippingRegion: string | null;
  @ApiProperty({
    type: CartEstimateResponse,
    nullable: true,
    description: 'null until the cart knows a destination, or while no shipping method serves it',
  })
  estimate: CartEstimateResponse | null;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-24T10:00:00.000Z' })
  updatedAt: string;

  static from(view: CartView): CartResponse {
    return {
      id: view.id,
      items: view.items.map(itemResponse),
      itemCount: view.itemCount,
      subtotal: view.subtotal,
      promotionCode: view.promotionCode,
      promotionCodeInvalid: view.promotionCodeInvalid,
      discounts: view.discounts.map((discount) => ({ ...discount, amount: { ...discount.amount } })),
      discountTotal: view.discountTotal,
      currency: view.currency,
      shippingCountry: view.shippingCountry,
      shippingRegion: view.shippingRegion,
      estimate: view.estimate,
      updatedAt: new Date(view.updatedAt).toISOString(),
    };
  }
}

export class CappedLineResponse {
  @ApiProperty({ format: 'uuid' })
  variantId: string;
  @ApiProperty({ type: 'integer', example: 5, description: 'Units in the guest cart' })
  requested: number;
  @ApiProperty({ type: 'integer', example: 2, description: 'Units moved into the cart' })
  added: number;
}

export class MergedCartResponse extends CartResponse {
  @ApiProperty({
    type: [CappedLineResponse],
    description: 'Guest lines not moved in full (stock, the 99-unit or 100-line limit, or no longer for sale)',
  })
  capped: CappedLineResponse[];

  static fromMerge(view: CartView & { capped: CappedLine[] }): MergedCartResponse {
    return { ...CartResponse.from(view), capped: view.capped.map(({ variantId, requested, added }) => ({ variantId, requested, added })) };
  }
}

function itemResponse(item: CartItemView): CartItemResponse {
  return {
    ...item,
    unitPrice: { ...item.unitPrice },
    lineTotal: { ...item.lineTotal },
    discountAmount: { ...item.discountAmount },
    options: { ...item.options },
  };
}
