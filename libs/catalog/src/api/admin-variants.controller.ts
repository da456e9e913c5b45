import { Body, Controller, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, UuidParam } from '@congocart/shared';
import { Roles } from '@congocart/identity';
import { VariantView } from '../application/catalog-views';
import { UpdateVariant } from '../application/update-variant.use-case';
import { VariantResponse } from './product.response';
import { UpdateVariantRequest } from './update-variant.request';

@ApiTags('admin-catalog')
@Roles('admin')
@Controller('admin/variants')
export class AdminVariantsController {
  constructor(private readonly updateVariant: UpdateVariant) {}

  @Patch(':id')
  @ApiOperation({ summary: "Change a variant (partial); the product's version moves on" })
  @ApiOkResponse({ type: VariantResponse })
  @ApiProblems(400, 404, 409)
  update(@UuidParam('id', 'Variant') id: string, @Body() body: UpdateVariantRequest): Promise<VariantView> {
    return this.updateVariant.execute(id, body);
  }
}
