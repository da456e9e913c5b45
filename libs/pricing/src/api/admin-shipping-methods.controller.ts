import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '@congocart/identity';
import { ApiProblems, Page, PageOf, PageQuery, PlatformConfig, UuidParam } from '@congocart/shared';
import { CreateShippingMethod } from '../application/create-shipping-method.use-case';
import { DeactivateShippingMethod } from '../application/deactivate-shipping-method.use-case';
import { ListShippingMethods } from '../application/list-shipping-methods.use-case';
import { UpdateShippingMethod } from '../application/update-shipping-method.use-case';
import { CreateShippingMethodRequest, UpdateShippingMethodRequest } from './shipping-method.request';
import { ShippingMethodResponse } from './shipping-method.response';

@ApiTags('admin-pricing')
@Roles('admin')
@Controller('admin/shipping-methods')
export class AdminShippingMethodsController {
  constructor(
    private readonly listMethods: ListShippingMethods,
    private readonly createMethod: CreateShippingMethod,
    private readonly updateMethod: UpdateShippingMethod,
    private readonly deactivateMethod: DeactivateShippingMethod,
    private readonly platform: PlatformConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List shipping methods (active or not), by code' })
  @ApiOkResponse({ type: PageOf(ShippingMethodResponse) })
  @ApiProblems(400)
  async list(@Query() query: PageQuery): Promise<Page<ShippingMethodResponse>> {
    const page = await this.listMethods.execute(query);
    return { data: page.data.map((method) => ShippingMethodResponse.from(method, this.platform.currency)), page: page.page };
  }

  @Post()
  @ApiOperation({ summary: 'Create a shipping method', description: 'A code already in use → 409 CODE_TAKEN.' })
  @ApiCreatedResponse({
    type: ShippingMethodResponse,
    headers: { Location: { description: 'The list of shipping methods', schema: { type: 'string' } } },
  })
  @ApiProblems(400, 409)
  async create(
    @Body() body: CreateShippingMethodRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ShippingMethodResponse> {
    const method = await this.createMethod.execute(body);
    reply.status(HttpStatus.CREATED).header('location', '/api/v1/admin/shipping-methods');
    return ShippingMethodResponse.from(method, this.platform.currency);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a shipping method', description: 'Orders already placed keep the method and fee they were charged.' })
  @ApiOkResponse({ type: ShippingMethodResponse })
  @ApiProblems(400, 404, 409)
  async update(@UuidParam('id', 'Shipping method') id: string, @Body() body: UpdateShippingMethodRequest): Promise<ShippingMethodResponse> {
    return ShippingMethodResponse.from(await this.updateMethod.execute(id, body), this.platform.currency);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Deactivate a shipping method',
    description: 'It no longer serves carts or checkouts; PATCH `active: true` restores it.',
  })
  @ApiNoContentResponse({ description: 'Deactivated' })
  @ApiProblems(404)
  remove(@UuidParam('id', 'Shipping method') id: string): Promise<void> {
    return this.deactivateMethod.execute(id);
  }
}
