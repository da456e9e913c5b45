import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '@congocart/identity';
import { ApiProblems, Page, PageOf, UuidParam } from '@congocart/shared';
import { CreateTaxRate } from '../application/create-tax-rate.use-case';
import { DeleteTaxRate } from '../application/delete-tax-rate.use-case';
import { ListTaxRates } from '../application/list-tax-rates.use-case';
import { UpdateTaxRate } from '../application/update-tax-rate.use-case';
import { STANDARD_TAX_CATEGORY } from '../domain/variant-quote';
import { CreateTaxRateRequest, ListTaxRatesRequest, UpdateTaxRateRequest } from './tax-rate.request';
import { TaxRateResponse } from './tax-rate.response';

@ApiTags('admin-pricing')
@Roles('admin')
@Controller('admin/tax-rates')
export class AdminTaxRatesController {
  constructor(
    private readonly listRates: ListTaxRates,
    private readonly createRate: CreateTaxRate,
    private readonly updateRate: UpdateTaxRate,
    private readonly deleteRate: DeleteTaxRate,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List tax rates by country, region (country-wide first) and category' })
  @ApiOkResponse({ type: PageOf(TaxRateResponse) })
  @ApiProblems(400)
  async list(@Query() query: ListTaxRatesRequest): Promise<Page<TaxRateResponse>> {
    const page = await this.listRates.execute(query);
    return { data: page.data.map((rate) => TaxRateResponse.from(rate)), page: page.page };
  }

  @Post()
  @ApiOperation({
    summary: 'Create a tax rate',
    description: 'One rate per (country, region, taxCategory); a second → 409 TAX_RATE_EXISTS. A region’s rate beats its country’s.',
  })
  @ApiCreatedResponse({
    type: TaxRateResponse,
    headers: { Location: { description: 'The list of tax rates', schema: { type: 'string' } } },
  })
  @ApiProblems(400, 409)
  async create(@Body() body: CreateTaxRateRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TaxRateResponse> {
    const rate = await this.createRate.execute({
      country: body.country,
      region: body.region ?? null,
      taxCategory: body.taxCategory ?? STANDARD_TAX_CATEGORY,
      rate: body.rate,
      name: body.name,
    });
    reply.status(HttpStatus.CREATED).header('location', '/api/v1/admin/tax-rates');
    return TaxRateResponse.from(rate);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a tax rate', description: 'Orders already placed keep the tax they were charged.' })
  @ApiOkResponse({ type: TaxRateResponse })
  @ApiProblems(400, 404, 409)
  async update(@UuidParam('id', 'Tax rate') id: string, @Body() body: UpdateTaxRateRequest): Promise<TaxRateResponse> {
    return TaxRateResponse.from(await this.updateRate.execute(id, body));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a tax rate', description: 'That destination and category are then taxed at 0.' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404)
  remove(@UuidParam('id', 'Tax rate') id: string): Promise<void> {
    return this.deleteRate.execute(id);
  }
}
