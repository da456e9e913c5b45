import { Controller, Get, Headers, HttpStatus, Param, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiNotModifiedResponse, ApiParam, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblems, PageOf, Public } from '@congocart/shared';
import { GetProduct } from '../application/get-product.use-case';
import { ListProducts } from '../application/list-products.use-case';
import { CatalogConfig } from '../catalog.config';
import { SLUG_MAX_LENGTH } from '../domain/slug';
import { CONDITION_HEADER_SCHEMA, matchesIfNoneMatch } from './http-conditions';
import { ListProductsRequest } from './list-products.request';
import { ProductResponse } from './product.response';
import { ProductSummaryResponse } from './product-summary.response';

/** What Fastify would have sent for a serialised object. */
const JSON_TYPE = 'application/json; charset=utf-8';

@ApiTags('catalog')
@Public()
@Controller('products')
export class ProductsController {
  constructor(
    private readonly listProducts: ListProducts,
    private readonly getProduct: GetProduct,
    private readonly config: CatalogConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Browse published products', description: 'Availability may lag stock changes by up to the catalog cache TTL.' })
  @ApiOkResponse({ type: PageOf(ProductSummaryResponse) })
  @ApiProblems(400)
  async list(@Query() query: ListProductsRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { json } = await this.listProducts.execute(query);
    // The cached bytes as they are: serialised once when loaded, not per request.
    reply.header('cache-control', this.cacheControl()).type(JSON_TYPE);
    return json;
  }

  @Get(':idOrSlug')
  @ApiOperation({ summary: 'A published product with its variants, by id or slug' })
  @ApiParam({ name: 'idOrSlug', schema: { type: 'string', maxLength: SLUG_MAX_LENGTH }, description: 'The product id (uuid) or its slug' })
  @ApiHeader({
    name: 'If-None-Match',
    required: false,
    schema: CONDITION_HEADER_SCHEMA,
    description: 'An ETag from an earlier response: 304 when unchanged',
  })
  @ApiOkResponse({
    type: ProductResponse,
    headers: { ETag: { description: 'Changes with content, prices and availability', schema: { type: 'string' } } },
  })
  @ApiNotModifiedResponse({ description: 'Unchanged since the ETag in If-None-Match' })
  @ApiProblems(404)
  async get(
    @Param('idOrSlug') idOrSlug: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | undefined> {
    const { json, etag } = await this.getProduct.execute(idOrSlug);
    reply.header('etag', etag).header('cache-control', this.cacheControl());
    if (matchesIfNoneMatch(ifNoneMatch, etag)) {
      reply.status(HttpStatus.NOT_MODIFIED);
      return undefined;
    }
    reply.type(JSON_TYPE);
    return json;
  }

  private cacheControl(): string {
    return `public, max-age=${this.config.publicMaxAgeSeconds}`;
  }
}
