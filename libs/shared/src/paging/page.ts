import { ApiProperty } from '@nestjs/swagger';
import { IntField, StringField } from '../validation/fields';

export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;

/** `?limit=&cursor=`; list query DTOs extend this. */
export class PageQuery {
  @IntField({ min: 1, max: MAX_PAGE_LIMIT, optional: true, fromQuery: true, description: 'Page size (default 20)', example: 20 })
  limit?: number;

  @StringField({ maxLength: 512, optional: true, description: 'Opaque cursor from page.nextCursor' })
  cursor?: string;
}

export class PageMeta {
  @ApiProperty({ type: 'integer', example: 20 })
  limit: number;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'null on the last page' })
  nextCursor: string | null;
}

export interface Page<T> {
  data: T[];
  page: PageMeta;
}

/**
 * Builds a page from rows fetched with `limit + 1` (the extra row only proves a next page exists).
 */
export function toPage<Row, Item>(rows: Row[], limit: number, map: (row: Row) => Item, cursorOf: (row: Row) => string): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    data: pageRows.map(map),
    page: { limit, nextCursor: hasMore ? cursorOf(pageRows[pageRows.length - 1]) : null },
  };
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
