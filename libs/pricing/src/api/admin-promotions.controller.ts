import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '@congocart/identity';
import { ApiProblems, MoneyResponse, Page, PageOf, PageQuery, PlatformConfig, UuidParam } from '@congocart/shared';
import { CreatePromotion } from '../application/create-promotion.use-case';
import { DeactivatePromotion } from '../application/deactivate-promotion.use-case';
import { GetPromotion } from '../application/get-promotion.use-case';
import { ListPromotions } from '../application/list-promotions.use-case';
import { UpdatePromotion } from '../application/update-promotion.use-case';
import { MoneyRequest } from './money.request';
import { CreatePromotionRequest, UpdatePromotionRequest } from './promotion.request';
import { PromotionResponse } from './promotion.response';

@ApiTags('admin-pricing')
@ApiExtraModels(MoneyRequest, MoneyResponse)
@Roles('admin')
@Controller('admin/promotions')
export class AdminPromotionsController {
  constructor(
    private readonly listPromotions: ListPromotions,
    private readonly getPromotion: GetPromotion,
    private readonly createPromotion: CreatePromotion,
    private readonly updatePromotion: UpdatePromotion,
    private readonly deactivatePromotion: DeactivatePromotion,
    private readonly platform: PlatformConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List promotions (active or not), newest first', description: 'Paged with `limit` and `cursor`.' })
  @ApiOkResponse({ type: PageOf(PromotionResponse) })
  @ApiProblems(400)
  async list(@Query() query: PageQuery): Promise<Page<PromotionResponse>> {
    const page = await this.listPromotions.execute(query);
    return { data: page.data.map((promotion) => PromotionResponse.from(promotion, this.platform.currency)), page: page.page };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A promotion, with how often it has been used',
    description: '`timesUsed` counts orders placed with it that were not cancelled or expired.',
  })
  @ApiOkResponse({ type: PromotionResponse })
  @ApiProblems(404)
  async get(@UuidParam('id', 'Promotion') id: string): Promise<PromotionResponse> {
    return PromotionResponse.from(await this.getPromotion.execute(id), this.platform.currency);
  }

  @Post()
  @ApiOperation({
    summary: 'Create a promotion',
    description:
      'Without `code` it is automatic: it applies to every cart meeting its conditions. A code already in use (regardless of case) → 409 CODE_TAKEN.',
  })
  @ApiCreatedResponse({
    type: PromotionResponse,
    headers: { Location: { description: 'The new promotion', schema: { type: 'string' } } },
  })
  @ApiProblems(400, 409)
  async create(@Body() body: CreatePromotionRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<PromotionResponse> {
    const promotion = await this.createPromotion.execute(body);
    reply.status(HttpStatus.CREATED).header('location', `/api/v1/admin/promotions/${promotion.id}`);
    return PromotionResponse.from(promotion, this.platform.currency);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a promotion', description: 'Orders already placed keep the discounts they were given.' })
  @ApiOkResponse({ type: PromotionResponse })
  @ApiProblems(400, 404, 409)
  async update(@UuidParam('id', 'Promotion') id: string, @Body() body: UpdatePromotionRequest): Promise<PromotionResponse> {
    return PromotionResponse.from(await this.updatePromotion.execute(id, body), this.platform.currency);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Deactivate a promotion',
    description:
      'It no longer applies to carts or checkouts (a cart holding its code shows `promotionCodeInvalid: inactive`); PATCH `active: true` restores it.',
  })
  @ApiNoContentResponse({ description: 'Deactivated' })
  @ApiProblems(404)
  remove(@UuidParam('id', 'Promotion') id: string): Promise<void> {
    return this.deactivatePromotion.execute(id);
  }
}
