import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { GuestOrderAccess, ORDER_TOKEN_HEADER, OrderTokenHeader, RequestOrderToken } from '@congocart/ordering';
import {
  ApiProblems,
  bearerResourceScope,
  IDEMPOTENT_REPLAYED_HEADER,
  Idempotent,
  Public,
  RequestIdempotencyKey,
  UuidParam,
} from '@congocart/shared';
import { PayOrder } from '../application/pay-order.use-case';
import { PaymentResponse } from './payment.response';
import { PayOrderRequest } from './pay-order.request';

/** Paying a guest order with its order token: the same PayOrder as POST /orders/{id}/payments. */
@ApiTags('guest-orders')
@Public()
@Controller('guest-orders')
export class GuestOrderPaymentsController {
  constructor(
    private readonly access: GuestOrderAccess,
    private readonly payOrder: PayOrder,
  ) {}

  @Post(':id/payments')
  @HttpCode(201)
  // Keys belong to the order and its token, as a customer's belong to them.
  @Idempotent({ mode: 'resumable', scope: bearerResourceScope('guest-order', 'id', ORDER_TOKEN_HEADER) })
  @OrderTokenHeader()
  @ApiOperation({
    summary: 'Pay a guest order',
    description:
      'As POST /orders/{id}/payments (same tokens, answers and retries), for the holder of the order’s token. ' +
      'A missing or wrong X-Order-Token → 404.',
  })
  @ApiCreatedResponse({
    type: PaymentResponse,
    headers: {
      Location: { description: 'The guest order paid for', schema: { type: 'string' } },
      'Idempotent-Replayed': {
        description: '`true` when this is the stored response of an earlier request with the same key',
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblems(402, 404, 503)
  async pay(
    @UuidParam('id', 'Order') id: string,
    @Body() body: PayOrderRequest,
    @RequestOrderToken() token: string | undefined,
    @RequestIdempotencyKey() idempotencyKey: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PaymentResponse> {
    await this.access.verify(id, token);
    const { payment, replayed } = await this.payOrder.execute({
      orderId: id,
      customerId: null,
      paymentToken: body.paymentToken,
      idempotencyKey,
    });
    reply.header('Location', `/api/v1/guest-orders/${payment.orderId}`);
    if (replayed) reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return PaymentResponse.from(payment);
  }
}
