import { ApiProperty } from '@nestjs/swagger';
import { MoneyResponse } from '@congocart/shared';
import { PRODUCT_STATUSES, ProductStatus } from '../domain/product-status';

export class PriceRangeResponse {
  @ApiProperty({ type: MoneyResponse })
  min: MoneyResponse;
  @ApiProperty({ type: MoneyResponse })
  max: MoneyResponse;
}

/** A row of the shoppers' listing. */
export class ProductSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'classic-t-shirt' })
  slug: string;
  @ApiProperty({ example: 'Classic T-shirt' })
  name: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  categoryId: string | null;
  @ApiProperty({ type: PriceRangeResponse, description: 'Lowest and highest variant price' })
  priceRange: PriceRangeResponse;
  @ApiProperty({ description: 'Some variant is available now' })
  inStock: boolean;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/** A row of the admins' listing: any status, with what an editor needs to pick a product. */
export class AdminProductSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  slug: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: PRODUCT_STATUSES, enumName: 'ProductStatus' })
  status: ProductStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  categoryId: string | null;
  @ApiProperty({ type: PriceRangeResponse, nullable: true, description: 'null while the product has no variants' })
  priceRange: PriceRangeResponse | null;
  @ApiProperty()
  inStock: boolean;
  @ApiProperty({ type: 'integer' })
  variantCount: number;
  @ApiProperty({ type: 'integer' })
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}
