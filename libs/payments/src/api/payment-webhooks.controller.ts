import { Controller, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
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
  @ApiBody({
    required: true,
    description: 'The provider’s event, verified as raw bytes (fields the provider adds are ignored)',
    schema: {
      type: 'object',
      additionalProperties: true,
      required: ['id', 'type', 'createdAt', 'data'],
      properties: {
        id: { type: 'string', maxLength: 255, example: 'evt_1' },
        type: { type: 'string', enum: ['payment.succeeded', 'payment.failed', 'payment.refunded'] },
        createdAt: { type: 'string', format: 'date-time', maxLength: 40 },
        data: {
          type: 'object',
          additionalProperties: true,
          required: ['paymentId', 'orderId'],
          properties: {
            paymentId: { type: 'string', format: 'uuid', maxLength: 36 },
            orderId: { type: 'string', format: 'uuid', maxLength: 36 },
          },
        },
      },
    },
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
