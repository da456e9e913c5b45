import { ApiProperty } from '@nestjs/swagger';
import type { StockLevel } from '../domain/stock-level';

export class StockLevelResponse {
  @ApiProperty({ format: 'uuid', example: '0b9c3f1e-6d1e-4c55-9a57-3f0d2a1b7c11' })
  variantId: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 40, description: 'Units in the building' })
  onHand: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 3, description: 'Units promised to orders not yet fulfilled' })
  reserved: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 37, description: 'onHand − reserved: what shoppers may still buy' })
  available: number;

  static from(level: StockLevel): StockLevelResponse {
    return { variantId: level.variantId, onHand: level.onHand, reserved: level.reserved, available: level.available };
  }
}
