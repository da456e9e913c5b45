import { Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@congocart/identity';
import { ApiProblems, DEFAULT_PAGE_LIMIT, Page, PageOf, PageQuery, UuidParam } from '@congocart/shared';
import { ListWebhookDeliveries } from '../application/list-webhook-deliveries.use-case';
import { PingWebhookEndpoint } from '../application/ping-webhook-endpoint.use-case';
import { RetryWebhookDelivery } from '../application/retry-webhook-delivery.use-case';
import { WebhookDeliveryResponse } from './webhook-delivery.response';

@ApiTags('admin-webhooks')
@Roles('admin')
@Controller('admin/webhooks/:id')
export class WebhookDeliveriesController {
  constructor(
    private readonly listDeliveries: ListWebhookDeliveries,
    private readonly retryDelivery: RetryWebhookDelivery,
    private readonly pingEndpoint: PingWebhookEndpoint,
  ) {}

  @Get('deliveries')
  @ApiOperation({
    summary: 'The endpoint’s delivery log, newest first',
    description:
      'Retries back off about 10 s, 1 min, 5 min, 30 min, 2 h, 6 h and 12 h (with jitter), then the delivery is dead. ' +
      'Deliveries about one order are sent in event order: one waits while an earlier one is pending or failed.',
  })
  @ApiOkResponse({ type: PageOf(WebhookDeliveryResponse) })
  @ApiProblems(400, 404)
  async list(@UuidParam('id', 'Webhook endpoint') id: string, @Query() query: PageQuery): Promise<Page<WebhookDeliveryResponse>> {
    const page = await this.listDeliveries.execute(id, { limit: query.limit ?? DEFAULT_PAGE_LIMIT, cursor: query.cursor });
    return { data: page.data.map((delivery) => WebhookDeliveryResponse.from(delivery)), page: page.page };
  }

  @Post('deliveries/:deliveryId/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Send a delivery again now',
    description: 'A dead delivery gets one more attempt; a succeeded one is sent again (same Webhook-Id). An inactive endpoint → 409.',
  })
  @ApiAcceptedResponse({ type: WebhookDeliveryResponse })
  @ApiProblems(404, 409)
  async retry(
    @UuidParam('id', 'Webhook endpoint') id: string,
    @UuidParam('deliveryId', 'Webhook delivery') deliveryId: string,
  ): Promise<WebhookDeliveryResponse> {
    return WebhookDeliveryResponse.from(await this.retryDelivery.execute(id, deliveryId));
  }

  @Post('ping')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send a `ping` event to the endpoint, whatever its events' })
  @ApiAcceptedResponse({ type: WebhookDeliveryResponse })
  @ApiProblems(404)
  async ping(@UuidParam('id', 'Webhook endpoint') id: string): Promise<WebhookDeliveryResponse> {
    return WebhookDeliveryResponse.from(await this.pingEndpoint.execute(id));
  }
}
