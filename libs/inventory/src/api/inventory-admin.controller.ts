import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@congocart/identity';
import { ApiProblems, DEFAULT_PAGE_LIMIT, Page, PageQuery, UuidParam } from '@congocart/shared';
import { AdjustStock } from '../application/adjust-stock.use-case';
import { GetStockLevel } from '../application/get-stock-level.use-case';
import { ListStockMovements } from '../application/list-stock-movements.use-case';
import { AdjustStockRequest } from './adjust-stock.request';
import { StockLevelResponse } from './stock-level.response';
import { StockMovementPage, StockMovementResponse } from './stock-movement.response';

@ApiTags('admin-inventory')
@ApiParam({ name: 'variantId', format: 'uuid', description: 'The catalog variant id' })
@Roles('staff', 'admin')
@Controller('admin/inventory')
export class InventoryAdminController {
  constructor(
    private readonly getStockLevel: GetStockLevel,
    private readonly adjustStock: AdjustStock,
    private readonly listStockMovements: ListStockMovements,
  ) {}

  @Get(':variantId')
  @ApiOperation({
    summary: 'The stock level of a variant',
    description: 'Every variant has one from its creation, at onHand 0. available = onHand − reserved.',
  })
  @ApiOkResponse({ type: StockLevelResponse, description: 'The stock level' })
  @ApiProblems(404)
  async getLevel(@UuidParam('variantId', 'Variant') variantId: string): Promise<StockLevelResponse> {
    return StockLevelResponse.from(await this.getStockLevel.execute(variantId));
  }

  @Post(':variantId/adjustments')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Adjust on-hand stock',
    description: 'Adds `delta` to onHand and records a movement. onHand may not drop below reserved (409 STOCK_BELOW_RESERVED).',
  })
  @ApiOkResponse({ type: StockLevelResponse, description: 'The new stock level' })
  @ApiProblems(400, 404, 409, 413, 415)
  async adjust(
    @UuidParam('variantId', 'Variant') variantId: string,
    @Body() body: AdjustStockRequest,
    @CurrentActor() actor: Actor,
  ): Promise<StockLevelResponse> {
    const level = await this.adjustStock.execute({ variantId, delta: body.delta, reason: body.reason, actorId: actor.userId });
    return StockLevelResponse.from(level);
  }

  @Get(':variantId/movements')
  @ApiOperation({
    summary: 'The stock movements of a variant, newest first',
    description: 'The append-only ledger: the `delta`s of a variant sum to its onHand, the `reservedDelta`s to its reserved.',
  })
  @ApiOkResponse({ type: StockMovementPage, description: 'A page of movements, newest first' })
  @ApiProblems(400, 404)
  async listMovements(
    @UuidParam('variantId', 'Variant') variantId: string,
    @Query() query: PageQuery,
  ): Promise<Page<StockMovementResponse>> {
    const page = await this.listStockMovements.execute({ variantId, limit: query.limit ?? DEFAULT_PAGE_LIMIT, cursor: query.cursor });
    return { data: page.data.map((row) => StockMovementResponse.from(row)), page: page.page };
  }
}
