import { ApiProperty } from '@nestjs/swagger';
import { MoneyResponse } from '@congocart/shared';

const PROMOTION_KINDS = ['percentage', 'fixed_amount', 'free_shipping'];

/** A promotion as applied to a cart or order (API.md AppliedDiscount). */
export class AppliedDiscountResponse {
  @ApiProperty({ format: 'uuid' })
  promotionId: string;
  @ApiProperty({ type: String, nullable: true, example: 'WELCOME10', description: 'null: an automatic promotion' })
  code: string | null;
  @ApiProperty({ example: '10 % off your first order' })
  name: string;
  @ApiProperty({ enum: PROMOTION_KINDS, enumName: 'PromotionKind' })
  kind: string;
  @ApiProperty({ type: MoneyResponse, description: 'What it took off (for free shipping: the fee it waived)' })
  amount: MoneyResponse;
}

/** Tax at one rate of one category (shipping tax joins the `standard` line). */
export class TaxLineResponse {
  @ApiProperty({ example: 'VAT 20 %' })
  name: string;
  @ApiProperty({ type: 'integer', example: 2000, description: 'Basis points' })
  rate: number;
  @ApiProperty({ example: 'standard' })
  taxCategory: string;
  @ApiProperty({ type: MoneyResponse })
  amount: MoneyResponse;
}
