import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor, Roles } from '@congocart/identity';
import { ApiProblems, IDEMPOTENT_REPLAYED_HEADER, Idempotent, RequestIdempotencyKey, UuidParam } from '@congocart/shared';
import { PayOrder } from '../application/pay-order.use-case';
import { PaymentResponse } from './payment.response';
import { PayOrderRequest } from './pay-order.request';

@ApiTags('orders')
@Controller('orders')
export class OrderPaymentsController {
  constructor(private readonly payOrder: PayOrder) {}

  @Post(':id/payments')
  @HttpCode(201)
  @Roles('customer')
  @Idempotent('resumable')
  @ApiOperation({
    summary: 'Pay my order',
    description:
      'Charges the order’s total (never an amount from the client) to the payment method behind `paymentToken`. ' +
      'Success moves the order to `paid`; `tok_pending` leaves the payment `pending` until the provider’s webhook settles it; ' +
      'a decline is recorded and answered with 402 PAYMENT_DECLINED (the order stays pending_payment: retry with a new key). ' +
      'An unknown token → 400 (nothing charged). An order not awaiting payment → 409 INVALID_ORDER_TRANSITION; ' +
      'one with a payment still pending → 409 PAYMENT_PENDING. An order is charged successfully at most once. ' +
      'If the provider does not answer → 503 PAYMENT_PROVIDER_UNAVAILABLE with Retry-After: the payment stays pending; retry with the ' +
      'same Idempotency-Key (the provider is asked again under the same payment, never charged twice), or it is settled by reconciliation. ' +
      'Sandbox tokens for faults: `tok_chargeThenTimeout` (charges, then the answer is lost), `tok_transientFailure` (first call fails).',
  })
  @ApiCreatedResponse({
    type: PaymentResponse,
    headers: {
      Location: { description: 'The order paid for', schema: { type: 'string' } },
      'Idempotent-Replayed': {
        description: '`true` when this is the stored response of an earlier request with the same key',
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblems(402, 404, 503, { 409: ['INVALID_ORDER_TRANSITION', 'PAYMENT_PENDING', 'ORDER_CHANGED_CONCURRENTLY'] })
  async pay(
    @CurrentActor() actor: Actor,
    @UuidParam('id', 'Order') id: string,
    @Body() body: PayOrderRequest,
    @RequestIdempotencyKey() idempotencyKey: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PaymentResponse> {
    const { payment, replayed } = await this.payOrder.execute({
      orderId: id,
      customerId: actor.userId,
      paymentToken: body.paymentToken,
      idempotencyKey,
    });
    reply.header('Location', `/api/v1/orders/${payment.orderId}`);
    // Found by its key after the stored answer was lost (a crash): the same answer, marked as a replay.
    if (replayed) reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return PaymentResponse.from(payment);
  }
}
