import { Controller, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblems, Public } from '@congocart/shared';
import { HandlePaymentWebhook } from '../application/handle-payment-webhook.use-case';
import { WebhookReceivedResponse } from './webhook-received.response';

@ApiTags('payments')
@Controller('payments/webhooks')
export class PaymentWebhooksController {
  constructor(private readonly handleWebhook: HandlePaymentWebhook) {}

  @Post(':provider')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Receive a payment provider event',
    description:
      'Called by the provider. The raw JSON body `{id, type, createdAt, data: {paymentId, orderId}}` is verified against ' +
      '`Webhook-Signature` before it is read; `type` is payment.succeeded, payment.failed or payment.refunded. ' +
      'Each event id is applied once (a repeat → 200 without effect); an event about an unknown payment is acknowledged and ignored.',
  })
  @ApiParam({ name: 'provider', enum: ['sandbox'] })
  @ApiHeader({
    name: 'Webhook-Signature',
    required: true,
    schema: { type: 'string', maxLength: 512 },
    description: '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the webhook secret>`; t within 300 s of the server clock',
  })
  @ApiOkResponse({ type: WebhookReceivedResponse })
  @ApiProblems(400, 401, 404)
  async receive(
    @Param('provider') provider: string,
    @Req() request: FastifyRequest & { rawBody?: Buffer },
    @Headers('webhook-signature') signature: string | undefined,
  ): Promise<WebhookReceivedResponse> {
    await this.handleWebhook.execute({ provider, rawBody: request.rawBody ?? Buffer.alloc(0), signature });
    return { received: true };
  }
}
