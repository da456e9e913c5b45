const MAX_WORDS = 8;
const MAX_WORD_LENGTH = 40;

/**
 * Splits a shopper's query into the words a full-text prefix search looks for: runs of letters
 * and digits, lower-cased. Everything else (quotes, `&`, `:`, `!`) only separates words, so user
 * input never reaches tsquery syntax.
 */
export function searchWords(query: string | undefined): string[] {
  if (!query) return [];
  const words =
    query
      .toLowerCase()
      .normalize('NFKC')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((word) => word.slice(0, MAX_WORD_LENGTH)))].slice(0, MAX_WORDS);
}
