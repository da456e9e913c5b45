import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblems, Page, PageOf, UuidParam } from '@congocart/shared';
import { Roles } from '@congocart/identity';
import { AddVariant } from '../application/add-variant.use-case';
import { ArchiveProduct } from '../application/archive-product.use-case';
import { AdminProductSummaryView, ProductView, VariantView } from '../application/catalog-views';
import { CreateProduct } from '../application/create-product.use-case';
import { GetAdminProduct } from '../application/get-admin-product.use-case';
import { ListAdminProducts } from '../application/list-admin-products.use-case';
import { UpdateProduct } from '../application/update-product.use-case';
import { AddVariantRequest } from './add-variant.request';
import { CreateProductRequest } from './create-product.request';
import { CONDITION_HEADER_SCHEMA, versionETag, versionsFromIfMatch } from './http-conditions';
import { ListAdminProductsRequest } from './list-admin-products.request';
import { ProductResponse, VariantResponse } from './product.response';
import { AdminProductSummaryResponse } from './product-summary.response';
import { UpdateProductRequest } from './update-product.request';

const ETAG_HEADER = {
  ETag: { description: 'Strong ETag of the product version, for If-Match', schema: { type: 'string', example: '"3"' } },
};

@ApiTags('admin-catalog')
@Roles('admin')
@Controller('admin/products')
export class AdminProductsController {
  constructor(
    private readonly listProducts: ListAdminProducts,
    private readonly getProduct: GetAdminProduct,
    private readonly createProduct: CreateProduct,
    private readonly updateProduct: UpdateProduct,
    private readonly archiveProduct: ArchiveProduct,
    private readonly addVariant: AddVariant,
  ) {}

  @Get()
  @ApiOperation({ summary: 'All products, any status, newest first' })
  @ApiOkResponse({ type: PageOf(AdminProductSummaryResponse) })
  @ApiProblems(400)
  list(@Query() query: ListAdminProductsRequest): Promise<Page<AdminProductSummaryView>> {
    return this.listProducts.execute(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A product in any status, with the ETag for If-Match' })
  @ApiOkResponse({ type: ProductResponse, headers: ETAG_HEADER })
  @ApiProblems(404)
  async get(@UuidParam('id', 'Product') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ProductView> {
    const product = await this.getProduct.execute(id);
    reply.header('etag', versionETag(product.version));
    return product;
  }

  @Post()
  @ApiOperation({ summary: 'Create a product, optionally with variants (each gets a stock level at 0)' })
  @ApiCreatedResponse({ type: ProductResponse, headers: ETAG_HEADER })
  @ApiProblems(400, 409)
  async create(@Body() body: CreateProductRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<ProductView> {
    const product = await this.createProduct.execute(body);
    reply
      .status(HttpStatus.CREATED)
      .header('location', `/api/v1/admin/products/${product.id}`)
      .header('etag', versionETag(product.version));
    return product;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a product (partial); status publishes, hides or archives it' })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    schema: CONDITION_HEADER_SCHEMA,
    description: 'The ETag read before: a stale one → 412 and nothing changes',
  })
  @ApiOkResponse({ type: ProductResponse, headers: ETAG_HEADER })
  @ApiProblems(400, 404, 409, 412)
  async update(
    @UuidParam('id', 'Product') id: string,
    @Body() body: UpdateProductRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProductView> {
    const product = await this.updateProduct.execute(id, body, versionsFromIfMatch(ifMatch));
    reply.header('etag', versionETag(product.version));
    return product;
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Archive a product (it stays for orders and history)' })
  @ApiNoContentResponse({ description: 'Archived' })
  @ApiProblems(404)
  archive(@UuidParam('id', 'Product') id: string): Promise<void> {
    return this.archiveProduct.execute(id);
  }

  @Post(':id/variants')
  @ApiOperation({ summary: 'Add a variant to a product (it gets a stock level at 0)' })
  @ApiCreatedResponse({ type: VariantResponse, headers: { Location: { description: 'The product', schema: { type: 'string' } } } })
  @ApiProblems(400, 404, 409)
  async createVariant(
    @UuidParam('id', 'Product') id: string,
    @Body() body: AddVariantRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VariantView> {
    const variant = await this.addVariant.execute(id, body);
    reply.status(HttpStatus.CREATED).header('location', `/api/v1/admin/products/${id}`);
    return variant;
  }
}
