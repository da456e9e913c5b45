import { Body, Controller, Delete, HttpCode, HttpStatus, Patch, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblems, UuidParam } from '@congocart/shared';
import { Roles } from '@congocart/identity';
import { CategoryView } from '../application/catalog-views';
import { CreateCategory } from '../application/create-category.use-case';
import { DeleteCategory } from '../application/delete-category.use-case';
import { UpdateCategory } from '../application/update-category.use-case';
import { CategoryResponse } from './category.response';
import { CreateCategoryRequest } from './create-category.request';
import { UpdateCategoryRequest } from './update-category.request';

@ApiTags('admin-catalog')
@Roles('admin')
@Controller('admin/categories')
export class AdminCategoriesController {
  constructor(
    private readonly createCategory: CreateCategory,
    private readonly updateCategory: UpdateCategory,
    private readonly deleteCategory: DeleteCategory,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a category, at the root or under a parent' })
  @ApiCreatedResponse({ type: CategoryResponse, headers: { Location: { description: 'The category tree', schema: { type: 'string' } } } })
  @ApiProblems(400, 409)
  async create(@Body() body: CreateCategoryRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CategoryView> {
    const category = await this.createCategory.execute(body);
    reply.status(HttpStatus.CREATED).header('location', '/api/v1/categories');
    return category;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename or move a category (never under itself or its descendants)' })
  @ApiOkResponse({ type: CategoryResponse })
  @ApiProblems(400, 404, 409)
  update(@UuidParam('id', 'Category') id: string, @Body() body: UpdateCategoryRequest): Promise<CategoryView> {
    return this.updateCategory.execute(id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete an empty category (no products of any status, no sub-categories)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 409)
  remove(@UuidParam('id', 'Category') id: string): Promise<void> {
    return this.deleteCategory.execute(id);
  }
}
