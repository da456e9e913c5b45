import { ApiProperty } from '@nestjs/swagger';

export class CategoryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'Running shoes' })
  name: string;
  @ApiProperty({ example: 'running-shoes' })
  slug: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentId: string | null;
}

export class CategoryNodeResponse extends CategoryResponse {
  @ApiProperty({ type: () => [CategoryNodeResponse], description: 'Sub-categories, nested the same way' })
  children: CategoryNodeResponse[];
}

export class CategoryTreeResponse {
  @ApiProperty({ type: [CategoryNodeResponse], description: 'The root categories' })
  data: CategoryNodeResponse[];
}
