import { Injectable } from '@nestjs/common';
import { NotFoundError, Transactional } from '@congocart/shared';
import { adjustmentRefusal } from '../domain/stock-adjustment';
import { inStockFlips, StockLevel } from '../domain/stock-level';
import { AvailabilityChanges } from './availability-changes';
import { StockLevelRepository } from './stock-level.repository';

export interface AdjustStockCommand {
  variantId: string;
  delta: number;
  reason: string;
  actorId: string;
}

/** A manual correction of on-hand stock (a count, a delivery, damage), recorded in the ledger. */
@Injectable()
export class AdjustStock {
  constructor(
    private readonly levels: StockLevelRepository,
    private readonly availability: AvailabilityChanges,
  ) {}

  @Transactional()
  async execute(command: AdjustStockCommand): Promise<StockLevel> {
    const adjusted = await this.levels.adjust(command.variantId, command.delta, command.reason, command.actorId);
    if (adjusted) {
      await this.availability.changed({ inStockChanged: inStockFlips(adjusted.available - command.delta, adjusted.available) });
      return adjusted;
    }
    const current = await this.levels.find(command.variantId);
    if (!current) throw new NotFoundError('Variant');
    throw adjustmentRefusal(current, command.delta);
  }
}
