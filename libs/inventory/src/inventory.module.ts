import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AvailabilityChanges } from './application/availability-changes';
import { InventoryAdminController } from './api/inventory-admin.controller';
import { AdjustStock } from './application/adjust-stock.use-case';
import { GetStockLevel } from './application/get-stock-level.use-case';
import { LedgerStockReservations } from './application/ledger-stock-reservations';
import { ListStockMovements } from './application/list-stock-movements.use-case';
import { StockLevelRepository } from './application/stock-level.repository';
import { StockMovementRepository } from './application/stock-movement.repository';
import { InventoryAvailability, StockLevels, StockReservations } from './application/stock-reservations.port';
import { SqlStockLevelRepository } from './infrastructure/sql-stock-level.repository';
import { SqlStockMovementRepository } from './infrastructure/sql-stock-movement.repository';
import { StockLevelEntity } from './infrastructure/stock-level.entity';
import { StockMovementEntity } from './infrastructure/stock-movement.entity';

@Module({
  imports: [TypeOrmModule.forFeature([StockLevelEntity, StockMovementEntity])],
  controllers: [InventoryAdminController],
  providers: [
    SqlStockLevelRepository,
    { provide: StockLevelRepository, useExisting: SqlStockLevelRepository },
    { provide: InventoryAvailability, useExisting: SqlStockLevelRepository },
    { provide: StockLevels, useExisting: SqlStockLevelRepository },
    { provide: StockMovementRepository, useClass: SqlStockMovementRepository },
    { provide: StockReservations, useClass: LedgerStockReservations },
    AvailabilityChanges,
    GetStockLevel,
    AdjustStock,
    ListStockMovements,
  ],
  exports: [StockReservations, InventoryAvailability, StockLevels, AvailabilityChanges],
})
export class InventoryModule {}
