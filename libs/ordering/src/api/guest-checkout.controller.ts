import { Body, Controller, createParamDecorator, ExecutionContext, HttpCode, Post, Res, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblems, bearerResourceScope, Idempotent, Public, UuidParam } from '@congocart/shared';
import { PlaceOrder } from '../application/place-order.use-case';
import { CountCheckoutFailures } from './count-checkout-failures.interceptor';
import { GuestCheckoutRequest } from './guest-checkout.request';
import { GuestOrderCreatedResponse } from './guest-order.response';

const CART_TOKEN_HEADER = 'x-cart-token';

/** The X-Cart-Token header (undefined when absent or repeated). */
const CartToken = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers[CART_TOKEN_HEADER];
  return typeof value === 'string' ? value : undefined;
});

/** Checkout of a guest cart by its token's holder: the same PlaceOrder as POST /checkout, for a guest buyer. */
@ApiTags('guest-checkout')
@Public()
@Controller('carts')
export class GuestCheckoutController {
  constructor(private readonly placeOrder: PlaceOrder) {}

  @Post(':id/checkout')
  @HttpCode(201)
  @UseInterceptors(CountCheckoutFailures)
  // Keys belong to the cart and its token: only the token's holder can replay the answer, which carries the order
  // token and is therefore stored sealed.
  @Idempotent({ scope: bearerResourceScope('guest-cart', 'id', CART_TOKEN_HEADER), sealResponse: true })
  @ApiHeader({
    name: 'X-Cart-Token',
    required: true,
    description: 'The token returned by POST /carts; missing or wrong → 404',
    schema: { type: 'string', maxLength: 64 },
  })
  @ApiOperation({
    summary: 'Check out a guest cart',
    description:
      'As POST /checkout, for a shopper without an account: the cart is priced, its stock reserved and the cart closed in one ' +
      'transaction, with the same errors (422 CART_EMPTY, 409 INSUFFICIENT_STOCK, 422 SHIPPING_UNAVAILABLE, 409 PRICE_CHANGED, ' +
      '429 for too many unpaid orders of one e-mail address). The order has `customerId: null` and answers with its ' +
      '`orderToken` (shown once; an idempotent replay within 24 h returns the same body), which the /guest-orders/{id} routes ' +
      'require as X-Order-Token; the confirmation e-mail carries a link with it. A cart already checked out is gone (404). ' +
      'Guest checkouts are limited per client IP (GUEST_CHECKOUT_ATTEMPTS_PER_HOUR_PER_IP; 429 with Retry-After).',
  })
  @ApiCreatedResponse({
    type: GuestOrderCreatedResponse,
    description: 'The new order (pending_payment) with its order token',
    headers: {
      Location: { description: 'The guest order', schema: { type: 'string' } },
      'Idempotent-Replayed': {
        description: '`true` when this is the stored response of an earlier request with the same key',
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblems(404, 409, 422, 429)
  async checkout(
    @UuidParam('id', 'Cart') id: string,
    @Body() body: GuestCheckoutRequest,
    @CartToken() cartToken: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GuestOrderCreatedResponse> {
    const { order, orderToken } = await this.placeOrder.execute({
      buyer: { guestCartId: id, cartToken, email: body.email },
      shipTo: { address: body.shippingAddress },
      shippingMethodId: body.shippingMethodId,
      expectedTotal: body.expectedTotal,
    });
    reply.header('Location', `/api/v1/guest-orders/${order.id}`);
    return GuestOrderCreatedResponse.withToken({ order: order.snapshot(), payments: [] }, orderToken!);
  }
}
