import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { money, MoneyResponse } from '@congocart/shared';
import type { Promotion } from '../domain/promotion';
import { PROMOTION_KINDS } from '../domain/promotion';

export class PromotionScopeResponse {
  @ApiProperty({ type: [String], format: 'uuid' })
  productIds: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Sub-categories included' })
  categoryIds: string[];
}

export class PromotionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: '10 % off' })
  name: string;
  @ApiProperty({ type: String, nullable: true, example: 'WELCOME10', description: 'null: automatic' })
  code: string | null;
  @ApiProperty({ enum: PROMOTION_KINDS, enumName: 'PromotionKind' })
  kind: string;
  @ApiPropertyOptional({
    description: 'percentage: basis points; fixed_amount: Money; absent for free_shipping',
    oneOf: [{ type: 'integer' }, { $ref: getSchemaPath(MoneyResponse) }],
  })
  value?: number | MoneyResponse;
  @ApiProperty({ type: MoneyResponse, nullable: true })
  minSubtotal: MoneyResponse | null;
  @ApiProperty({ type: PromotionScopeResponse, nullable: true, description: 'null: everything' })
  appliesTo: PromotionScopeResponse | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startsAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endsAt: string | null;
  @ApiProperty({ type: 'integer', nullable: true })
  usageLimit: number | null;
  @ApiProperty({ type: 'integer', nullable: true })
  usageLimitPerCustomer: number | null;
  @ApiProperty({ type: 'integer', description: 'Uses by orders placed and not cancelled or expired' })
  timesUsed: number;
  @ApiProperty()
  active: boolean;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  static from(promotion: Promotion, currency: string): PromotionResponse {
    const response: PromotionResponse = {
      id: promotion.id,
      name: promotion.name,
      code: promotion.code,
      kind: promotion.kind,
      minSubtotal: promotion.minSubtotal === null ? null : money(promotion.minSubtotal, currency),
      appliesTo: promotion.appliesTo
        ? { productIds: [...promotion.appliesTo.productIds], categoryIds: [...promotion.appliesTo.categoryIds] }
        : null,
      startsAt: promotion.startsAt?.toISOString() ?? null,
      endsAt: promotion.endsAt?.toISOString() ?? null,
      usageLimit: promotion.usageLimit,
      usageLimitPerCustomer: promotion.usageLimitPerCustomer,
      timesUsed: promotion.timesUsed,
      active: promotion.active,
      createdAt: promotion.createdAt.toISOString(),
      updatedAt: promotion.updatedAt.toISOString(),
    };
    if (promotion.kind === 'percentage') response.value = promotion.value ?? 0;
    if (promotion.kind === 'fixed_amount') response.value = money(promotion.value ?? 0, currency);
    return response;
  }
}
