import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public, UuidParam } from '@congocart/shared';
import { CancelOrder } from '../application/cancel-order.use-case';
import { GetOrder } from '../application/get-order.use-case';
import { GuestOrderAccess } from '../application/guest-order-access';
import { GUEST_ACTOR } from '../domain/order';
import { OrderTokenHeader, RequestOrderToken } from './order-token.header';
import { OrderResponse } from './order.response';

/** A guest order, held by its order token (X-Order-Token); a missing or wrong token is a 404, as for another customer's order. */
@ApiTags('guest-orders')
@Public()
@Controller('guest-orders')
export class GuestOrdersController {
  constructor(
    private readonly access: GuestOrderAccess,
    private readonly getOrder: GetOrder,
    private readonly cancelOrder: CancelOrder,
  ) {}

  @Get(':id')
  @OrderTokenHeader()
  @ApiOperation({ summary: 'A guest order', description: 'With its lines, payments and history.' })
  @ApiOkResponse({ type: OrderResponse })
  @ApiProblems(404)
  async get(@UuidParam('id', 'Order') id: string, @RequestOrderToken() token: string | undefined): Promise<OrderResponse> {
    await this.access.verify(id, token);
    return OrderResponse.forCustomer(await this.getOrder.execute({ orderId: id, customerId: null }));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @OrderTokenHeader()
  @ApiOperation({
    summary: 'Cancel a guest order',
    description: 'As POST /orders/{id}/cancel: before fulfilment; the stock is released and a paid order refunded in full. No body.',
  })
  @ApiOkResponse({ type: OrderResponse })
  @ApiProblems(404, 409)
  async cancel(@UuidParam('id', 'Order') id: string, @RequestOrderToken() token: string | undefined): Promise<OrderResponse> {
    await this.access.verify(id, token);
    return OrderResponse.forCustomer(
      await this.cancelOrder.execute({ orderId: id, customerId: null, actor: GUEST_ACTOR, reason: 'cancelled by the customer' }),
    );
  }
}
