import { Body, Controller, HttpCode, Post, Res, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor, Roles } from '@congocart/identity';
import { ApiProblems, Idempotent } from '@congocart/shared';
import { PlaceOrder } from '../application/place-order.use-case';
import { CountCheckoutFailures } from './count-checkout-failures.interceptor';
import { OrderResponse } from './order.response';
import { PlaceOrderRequest, shipToOf } from './place-order.request';

@ApiTags('checkout')
@Controller('checkout')
export class CheckoutController {
  constructor(private readonly placeOrder: PlaceOrder) {}

  @Post()
  @HttpCode(201)
  @Roles('customer')
  @UseInterceptors(CountCheckoutFailures)
  @Idempotent()
  @ApiOperation({
    summary: 'Check out the cart',
    description:
      'Turns the caller’s cart into an order awaiting payment: prices every line at the current catalog price, adds the ' +
      'shipping method’s fee (`shippingMethodId`, default the cheapest serving the country) and the destination’s tax, ' +
      'reserves the stock (all or nothing) and empties the cart, in one transaction. No method serving the country (or the ' +
      'chosen one not serving it) → 422 SHIPPING_UNAVAILABLE; `expectedTotal` differing from the total now → 409 ' +
      'PRICE_CHANGED with the new `totals`; nothing is reserved on either. The order must be paid within the payment ' +
      'window (`paymentDueAt`) or it is cancelled and its stock released. Ship to `shippingAddress`, or to `shippingAddressId` ' +
      '(one of my saved addresses, copied into the order; another user’s or an unknown id → 404): exactly one of the two, else 400.',
  })
  @ApiCreatedResponse({
    type: OrderResponse,
    description: 'The new order (pending_payment)',
    headers: {
      Location: { description: 'The order', schema: { type: 'string' } },
      'Idempotent-Replayed': {
        description: '`true` when this is the stored response of an earlier request with the same key',
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblems({
    404: ['NOT_FOUND'],
    409: ['INSUFFICIENT_STOCK', 'VARIANT_UNAVAILABLE', 'PRICE_CHANGED', 'PROMOTION_INVALID'],
    422: ['CART_EMPTY', 'SHIPPING_UNAVAILABLE', 'ORDER_TOO_LARGE'],
  })
  async checkout(
    @CurrentActor() actor: Actor,
    @Body() body: PlaceOrderRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderResponse> {
    const { order } = await this.placeOrder.execute({
      buyer: { customerId: actor.userId },
      shipTo: shipToOf(body),
      shippingMethodId: body.shippingMethodId,
      expectedTotal: body.expectedTotal,
    });
    reply.header('Location', `/api/v1/orders/${order.id}`);
    return OrderResponse.of(order.snapshot());
  }
}
