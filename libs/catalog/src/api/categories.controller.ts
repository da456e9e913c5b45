import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@congocart/shared';
import { CategoryTreeView } from '../application/catalog-views';
import { ListCategories } from '../application/list-categories.use-case';
import { CatalogConfig } from '../catalog.config';
import { CategoryTreeResponse } from './category.response';

@ApiTags('catalog')
@Public()
@Controller('categories')
export class CategoriesController {
  constructor(
    private readonly listCategories: ListCategories,
    private readonly config: CatalogConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The category tree (roots with nested children)' })
  @ApiOkResponse({ type: CategoryTreeResponse })
  async tree(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ data: CategoryTreeView[] }> {
    const tree = await this.listCategories.execute();
    reply.header('cache-control', `public, max-age=${this.config.publicMaxAgeSeconds}`);
    return tree;
  }
}
