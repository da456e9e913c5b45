import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '@congocart/identity';
import { ApiProblems, DEFAULT_PAGE_LIMIT, Page, PageOf, PageQuery, UuidParam } from '@congocart/shared';
import { CreateWebhookEndpoint } from '../application/create-webhook-endpoint.use-case';
import { DeleteWebhookEndpoint } from '../application/delete-webhook-endpoint.use-case';
import { GetWebhookEndpoint } from '../application/get-webhook-endpoint.use-case';
import { ListWebhookEndpoints } from '../application/list-webhook-endpoints.use-case';
import { RotateWebhookSecret } from '../application/rotate-webhook-secret.use-case';
import { UpdateWebhookEndpoint } from '../application/update-webhook-endpoint.use-case';
import { CreateWebhookEndpointRequest } from './create-webhook-endpoint.request';
import { UpdateWebhookEndpointRequest } from './update-webhook-endpoint.request';
import { WebhookEndpointResponse, WebhookEndpointWithSecretResponse } from './webhook-endpoint.response';

@ApiTags('admin-webhooks')
@Roles('admin')
@Controller('admin/webhooks')
export class AdminWebhooksController {
  constructor(
    private readonly createEndpoint: CreateWebhookEndpoint,
    private readonly listEndpoints: ListWebhookEndpoints,
    private readonly getEndpoint: GetWebhookEndpoint,
    private readonly updateEndpoint: UpdateWebhookEndpoint,
    private readonly deleteEndpoint: DeleteWebhookEndpoint,
    private readonly rotateSecret: RotateWebhookSecret,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List webhook endpoints, newest first' })
  @ApiOkResponse({ type: PageOf(WebhookEndpointResponse) })
  @ApiProblems(400)
  async list(@Query() query: PageQuery): Promise<Page<WebhookEndpointResponse>> {
    const page = await this.listEndpoints.execute({ limit: query.limit ?? DEFAULT_PAGE_LIMIT, cursor: query.cursor });
    return { data: page.data.map((endpoint) => WebhookEndpointResponse.from(endpoint)), page: page.page };
  }

  @Post()
  @ApiOperation({
    summary: 'Register a webhook endpoint',
    description:
      'Answers the signing `secret` once; it is never shown again (rotate it to get a new one). Every delivery is a POST of ' +
      '`{id, type, occurredAt, data}` with `Webhook-Id` (the event id) and `Webhook-Signature: t=<unix s>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.',
  })
  @ApiCreatedResponse({
    type: WebhookEndpointWithSecretResponse,
    headers: { Location: { description: 'The new endpoint', schema: { type: 'string' } } },
  })
  @ApiProblems(400)
  async create(
    @Body() body: CreateWebhookEndpointRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebhookEndpointWithSecretResponse> {
    const { endpoint, secret } = await this.createEndpoint.execute(body);
    reply.status(HttpStatus.CREATED).header('location', `/api/v1/admin/webhooks/${endpoint.id}`);
    return WebhookEndpointWithSecretResponse.withSecret(endpoint, secret);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A webhook endpoint (without its secret)' })
  @ApiOkResponse({ type: WebhookEndpointResponse })
  @ApiProblems(404)
  async get(@UuidParam('id', 'Webhook endpoint') id: string): Promise<WebhookEndpointResponse> {
    return WebhookEndpointResponse.from(await this.getEndpoint.execute(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a webhook endpoint’s URL, events, description or active flag' })
  @ApiOkResponse({ type: WebhookEndpointResponse })
  @ApiProblems(400, 404)
  async update(
    @UuidParam('id', 'Webhook endpoint') id: string,
    @Body() body: UpdateWebhookEndpointRequest,
  ): Promise<WebhookEndpointResponse> {
    return WebhookEndpointResponse.from(await this.updateEndpoint.execute(id, body));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a webhook endpoint and its delivery log; it receives nothing more' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404)
  remove(@UuidParam('id', 'Webhook endpoint') id: string): Promise<void> {
    return this.deleteEndpoint.execute(id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Issue a new signing secret (shown once); the old one stops signing at once' })
  @ApiOkResponse({ type: WebhookEndpointWithSecretResponse })
  @ApiProblems(404)
  async rotate(@UuidParam('id', 'Webhook endpoint') id: string): Promise<WebhookEndpointWithSecretResponse> {
    const { endpoint, secret } = await this.rotateSecret.execute(id);
    return WebhookEndpointWithSecretResponse.withSecret(endpoint, secret);
  }
}
