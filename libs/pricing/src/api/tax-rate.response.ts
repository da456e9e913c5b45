import { ApiProperty } from '@nestjs/swagger';
import type { TaxRateRecord } from '../domain/tax-rate';

export class TaxRateResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2' })
  country: string;
  @ApiProperty({ type: String, nullable: true, example: 'CA', description: 'null: the whole country' })
  region: string | null;
  @ApiProperty({ example: 'standard' })
  taxCategory: string;
  @ApiProperty({ type: 'integer', example: 725, description: 'Basis points (725 = 7.25 %)' })
  rate: number;
  @ApiProperty({ example: 'California sales tax' })
  name: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  static from(rate: TaxRateRecord): TaxRateResponse {
    return {
      id: rate.id,
      country: rate.country,
      region: rate.region,
      taxCategory: rate.taxCategory,
      rate: rate.rate,
      name: rate.name,
      createdAt: rate.createdAt.toISOString(),
      updatedAt: rate.updatedAt.toISOString(),
    };
  }
}
