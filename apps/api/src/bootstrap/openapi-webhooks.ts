import { PING_EVENT_TYPE, WEBHOOK_EVENT_TYPES } from '@congocart/webhooks';

type Json = Record<string, any>;

/** The outgoing webhook (OAS 3.1 `webhooks`): what a registered endpoint receives, and how to check it. */
export function addWebhooks(document: Json): void {
  document.components.schemas.WebhookEvent = {
    type: 'object',
    description:
      'An event as delivered to a webhook endpoint. `data` is the resource as the admin API shows it: the Order ' +
      '(`order.*`), the Payment (`payment.*`), the Stock level (`inventory.low_stock`), `{webhookId}` (`ping`).',
    required: ['id', 'type', 'occurredAt', 'data'],
    properties: {
      id: { type: 'string', format: 'uuid', description: 'The event id, also sent as `Webhook-Id`: dedupe by it' },
      type: { type: 'string', enum: [...WEBHOOK_EVENT_TYPES, PING_EVENT_TYPE] },
      occurredAt: { type: 'string', format: 'date-time' },
      data: {
        anyOf: [
          { $ref: '#/components/schemas/OrderResponse' },
          { $ref: '#/components/schemas/PaymentResponse' },
          { $ref: '#/components/schemas/StockLevelResponse' },
          { type: 'object', required: ['webhookId'], properties: { webhookId: { type: 'string', format: 'uuid' } } },
        ],
      },
    },
  };
  document.webhooks = {
    event: {
      post: {
        operationId: 'webhookEvent',
        summary: 'An event, POSTed to every active endpoint subscribed to its type',
        description:
          'At least once: anything but a 2xx (or no answer within 10 s) is retried with exponential backoff ' +
          '(about 10 s, 1 min, 5 min, 30 min, 2 h, 6 h, 12 h), then the delivery is `dead`.',
        tags: ['admin-webhooks'],
        parameters: [
          { name: 'Webhook-Id', in: 'header', required: true, description: 'The event id', schema: { type: 'string', format: 'uuid' } },
          {
            name: 'Webhook-Signature',
            in: 'header',
            required: true,
            description:
              '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed with the endpoint’s secret (its UTF-8 bytes, ' +
              'exactly as `POST /admin/webhooks` or `rotate-secret` answered it). Reject a `t` far from your clock.',
            schema: {
              type: 'string',
              maxLength: 512,
              example: 't=1764583200,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd',
            },
          },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/WebhookEvent' } } } },
        responses: { '200': { description: 'Received (any 2xx): the delivery succeeded' } },
      },
    },
  };
}
