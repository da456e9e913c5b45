import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@congocart/identity';
import { ApiProblems, Page, PageOf, UuidParam } from '@congocart/shared';
import { CancelOrder } from '../application/cancel-order.use-case';
import { GetOrder } from '../application/get-order.use-case';
import { ListOrders } from '../application/list-orders.use-case';
import type { OrderStatus } from '../domain/order-status';
import { ListOrdersQuery } from './list-orders.request';
import { OrderSummaryResponse } from './order-summary.response';
import { OrderResponse } from './order.response';

const OrderSummaryPage = PageOf(OrderSummaryResponse);

@ApiTags('orders')
@Controller('orders')
@Roles('customer')
export class OrdersController {
  constructor(
    private readonly listOrders: ListOrders,
    private readonly getOrder: GetOrder,
    private readonly cancelOrder: CancelOrder,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List my orders', description: 'Newest first; optionally only one status.' })
  @ApiOkResponse({ type: OrderSummaryPage })
  @ApiProblems(400)
  async listMine(@CurrentActor() actor: Actor, @Query() query: ListOrdersQuery): Promise<Page<OrderSummaryResponse>> {
    const page = await this.listOrders.execute({
      view: 'mine',
      filter: { customerId: actor.userId, status: query.status as OrderStatus | undefined },
      limit: query.limit,
      cursor: query.cursor,
    });
    return { data: page.data.map((row) => OrderSummaryResponse.from(row)), page: page.page };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of my orders', description: 'With its lines, payments and history. Someone else’s order → 404.' })
  @ApiOkResponse({ type: OrderResponse })
  @ApiProblems(404)
  async getMine(@CurrentActor() actor: Actor, @UuidParam('id', 'Order') id: string): Promise<OrderResponse> {
    return OrderResponse.forCustomer(await this.getOrder.execute({ orderId: id, customerId: actor.userId }));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel my order',
    description:
      'Allowed before fulfilment (pending_payment or paid). The reserved stock is released; a paid order is refunded in full. No body.',
  })
  @ApiOkResponse({ type: OrderResponse })
  @ApiProblems(404, { 409: ['INVALID_ORDER_TRANSITION', 'ORDER_CHANGED_CONCURRENTLY'] })
  async cancelMine(@CurrentActor() actor: Actor, @UuidParam('id', 'Order') id: string): Promise<OrderResponse> {
    return OrderResponse.forCustomer(
      await this.cancelOrder.execute({ orderId: id, customerId: actor.userId, actor: actor.userId, reason: 'cancelled by the customer' }),
    );
  }
}
