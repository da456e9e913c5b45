/** The documented bound of If-Match / If-None-Match headers (several of our tags fit easily). */
export const CONDITION_HEADER_SCHEMA = { type: 'string', maxLength: 128 } as const;

/** The strong ETag admins use for If-Match: the product's version. */
export function versionETag(version: number): string {
  return `"${version}"`;
}

/**
 * The versions an If-Match header accepts; `null` when any version is fine (no header, or `*`).
 * Strong comparison: a weak tag (W/"3") or anything that is not one of our tags matches nothing.
 */
export function versionsFromIfMatch(header: string | undefined): number[] | null {
  if (header === undefined || header.trim() === '*') return null;
  return header
    .split(',')
    .map((tag) => /^"(\d{1,9})"$/.exec(tag.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]));
}

/** If-None-Match uses the weak comparison: `W/` prefixes are ignored. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}
