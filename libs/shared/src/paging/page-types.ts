export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;

export interface PageInfo {
  limit: number;
  /** null on the last page. */
  nextCursor: string | null;
}

export interface Page<T> {
  data: T[];
  page: PageInfo;
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
