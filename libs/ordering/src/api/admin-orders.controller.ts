import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@congocart/identity';
import { ApiProblems, Page, PageOf, UuidParam } from '@congocart/shared';
import { DeliverOrder } from '../application/deliver-order.use-case';
import { FulfilOrder } from '../application/fulfil-order.use-case';
import { GetOrder } from '../application/get-order.use-case';
import { ListOrders } from '../application/list-orders.use-case';
import { RefundOrder } from '../application/refund-order.use-case';
import type { OrderStatus } from '../domain/order-status';
import { FulfilOrderRequest } from './fulfil-order.request';
import { ListAdminOrdersQuery } from './list-orders.request';
import { OrderSummaryResponse } from './order-summary.response';
import { OrderResponse } from './order.response';
import { RefundOrderRequest } from './refund-order.request';

const AdminOrderSummaryPage = PageOf(OrderSummaryResponse);

@ApiTags('admin-orders')
@Controller('admin/orders')
@Roles('staff', 'admin')
export class AdminOrdersController {
  constructor(
    private readonly listOrders: ListOrders,
    private readonly getOrder: GetOrder,
    private readonly fulfilOrder: FulfilOrder,
    private readonly deliverOrder: DeliverOrder,
    private readonly refundOrder: RefundOrder,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List orders',
    description: 'Newest first. Filters: status, customerId, from (inclusive) and to (exclusive) on createdAt.',
  })
  @ApiOkResponse({ type: AdminOrderSummaryPage })
  @ApiProblems(400)
  async list(@Query() query: ListAdminOrdersQuery): Promise<Page<OrderSummaryResponse>> {
    const page = await this.listOrders.execute({
      view: 'all',
      filter: {
        customerId: query.customerId,
        status: query.status as OrderStatus | undefined,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      },
      limit: query.limit,
      cursor: query.cursor,
    });
    return { data: page.data.map((row) => OrderSummaryResponse.from(row)), page: page.page };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One order', description: 'With its lines, payments and full history.' })
  @ApiOkResponse({ type: OrderResponse })
  @ApiProblems(404)
  async get(@UuidParam('id', 'Order') id: string): Promise<OrderResponse> {
    return OrderResponse.from(await this.getOrder.execute({ orderId: id, customerId: null }));
  }

  @Post(':id/fulfil')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Ship a paid order',
    description: 'paid → fulfilled. The reserved units leave stock (onHand and reserved both fall).',
  })
  @ApiOkResponse({ type: OrderResponse })
  @ApiProblems(400, 404, 409)
  async fulfil(
    @CurrentActor() actor: Actor,
    @UuidParam('id', 'Order') id: string,
    @Body() body: FulfilOrderRequest,
  ): Promise<OrderResponse> {
    return OrderResponse.from(
      await this.fulfilOrder.execute({
        orderId: id,
        actor: actor.userId,
        shipment: { carrier: body.carrier, trackingNumber: body.trackingNumber },
      }),
    );
  }

  @Post(':id/deliver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record delivery', description: 'fulfilled → delivered. No body.' })
  @ApiOkResponse({ type: OrderResponse })
  @ApiProblems(404, 409)
  async deliver(@CurrentActor() actor: Actor, @UuidParam('id', 'Order') id: string): Promise<OrderResponse> {
    return OrderResponse.from(await this.deliverOrder.execute({ orderId: id, actor: actor.userId }));
  }

  @Post(':id/refund')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Refund an order',
    description:
      'A delivered order → refunded: its payment is refunded in full; with `restock: true` the units go back on hand. ' +
      'A paid order that has not shipped is cancelled with a full refund and its reservation released (paid → cancelled). ' +
      'Any other state → 409 INVALID_ORDER_TRANSITION. The body is optional.',
  })
  @ApiBody({ type: RefundOrderRequest, required: false })
  @ApiOkResponse({ type: OrderResponse })
  @ApiProblems(400, 404, 409)
  async refund(
    @CurrentActor() actor: Actor,
    @UuidParam('id', 'Order') id: string,
    @Body() body: RefundOrderRequest,
  ): Promise<OrderResponse> {
    return OrderResponse.from(
      await this.refundOrder.execute({ orderId: id, actor: actor.userId, reason: body?.reason ?? null, restock: body?.restock ?? false }),
    );
  }
}
