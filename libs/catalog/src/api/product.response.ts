import { ApiProperty } from '@nestjs/swagger';
import { MoneyResponse } from '@congocart/shared';
import { PRODUCT_STATUSES, ProductStatus } from '../domain/product-status';

const STRING_MAP = { type: 'object', additionalProperties: { type: 'string' } } as const;

export class VariantResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty({ example: 'TEE-BLK-M' })
  sku: string;
  @ApiProperty({ example: 'Black / M' })
  name: string;
  @ApiProperty({ ...STRING_MAP, example: { colour: 'black', size: 'M' } })
  options: Record<string, string>;
  @ApiProperty({ type: MoneyResponse })
  price: MoneyResponse;
  @ApiProperty({ type: 'integer', example: 12, description: 'onHand − reserved' })
  available: number;
  @ApiProperty({ example: 'standard', description: 'Which tax rates apply to it (`standard` by default)' })
  taxCategory: string;
}

export class ProductResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'classic-t-shirt' })
  slug: string;
  @ApiProperty({ example: 'Classic T-shirt' })
  name: string;
  @ApiProperty({ type: String, nullable: true })
  description: string | null;
  @ApiProperty({ enum: PRODUCT_STATUSES, enumName: 'ProductStatus' })
  status: ProductStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  categoryId: string | null;
  @ApiProperty({ type: [String], example: ['https://cdn.congocart.dev/tee.jpg'] })
  images: string[];
  @ApiProperty({ ...STRING_MAP, example: { material: 'cotton' } })
  attributes: Record<string, string>;
  @ApiProperty({ type: 'integer', example: 3, description: 'Optimistic-concurrency version (the admin ETag is "<version>")' })
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
  @ApiProperty({ type: [VariantResponse] })
  variants: VariantResponse[];
}
