import { ApiProperty } from '@nestjs/swagger';
import { IntField, StringField } from '../validation/fields';
import { MAX_PAGE_LIMIT, Page, PageInfo } from './page-types';

export * from './page-types';

/** `?limit=&cursor=`; list query DTOs extend this. */
export class PageQuery {
  @IntField({ min: 1, max: MAX_PAGE_LIMIT, optional: true, fromQuery: true, description: 'Page size (default 20)', example: 20 })
  limit?: number;

  @StringField({ maxLength: 512, optional: true, description: 'Opaque cursor from page.nextCursor' })
  cursor?: string;
}

export class PageMeta implements PageInfo {
  @ApiProperty({ type: 'integer', example: 20 })
  limit: number;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'null on the last page' })
  nextCursor: string | null;
}

/** Swagger class of a page of `item`, named `<Item>Page`. */
export function PageOf<T>(item: new (...args: never[]) => T): new () => Page<T> {
  class PageResponse {
    @ApiProperty({ type: [item] })
    data: T[];
    @ApiProperty({ type: PageMeta })
    page: PageMeta;
  }
  Object.defineProperty(PageResponse, 'name', { value: `${item.name.replace(/(Dto|Response)$/, '')}Page` });
  return PageResponse;
}
