import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@congocart/shared';
import { MOVEMENT_KINDS, MovementKind, StockMovement } from '../domain/stock-movement';

export class StockMovementResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: MOVEMENT_KINDS, enumName: 'StockMovementKind', example: 'adjustment' })
  kind: MovementKind;
  @ApiProperty({
    type: 'integer',
    example: 24,
    description: 'Change of on-hand units (0 for reservations and releases); the deltas of a variant sum to its onHand',
  })
  delta: number;
  @ApiProperty({ type: 'integer', example: 0, description: 'Change of reserved units; these sum to the variant’s reserved' })
  reservedDelta: number;
  @ApiProperty({ example: 'Delivery from supplier, PO-1042' })
  reason: string;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'The order (or other source) behind a system movement' })
  reference: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The user who made the change, when a person did' })
  actorId: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(movement: StockMovement): StockMovementResponse {
    return {
      id: movement.id,
      kind: movement.kind,
      delta: movement.delta,
      reservedDelta: movement.reservedDelta,
      reason: movement.reason,
      reference: movement.reference,
      actorId: movement.actorId,
      createdAt: movement.createdAt.toISOString(),
    };
  }
}

export class StockMovementPage extends PageOf(StockMovementResponse) {}
