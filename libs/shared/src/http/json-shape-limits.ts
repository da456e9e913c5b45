/**
 * Bounds on the shape of a JSON body, checked by one linear pass over the text before
 * JSON.parse: a 1 MB body of 100 000 keys would otherwise cost seconds of parsing, validation
 * and error rendering on the event loop. The bounds fit the largest legitimate request (a product
 * with 50 variants and 30 attributes) with a wide margin.
 */
export interface JsonLimits {
  maxDepth: number;
  maxKeysPerObject: number;
  maxTotalKeys: number;
  maxArrayLength: number;
}

export const JSON_LIMITS: Readonly<JsonLimits> = {
  maxDepth: 32,
  maxKeysPerObject: 64,
  maxTotalKeys: 10_000,
  maxArrayLength: 1_000,
};

const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }
const OPEN_ARRAY = 0x5b; // [
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;

/**
 * Returns the first bound the text breaks, or undefined. Malformed text passes (JSON.parse
 * rejects it next); the scan only has to be right for text JSON.parse would accept.
 */
export function exceededJsonLimit(text: string, limits: JsonLimits = JSON_LIMITS): string | undefined {
  // Per open container: its kind (object or array) and how many keys or elements it has so far.
  const kinds: number[] = [];
  const counts: number[] = [];
  const seenValue: boolean[] = [];
  let totalKeys = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Skip the string, escapes included.
      for (i += 1; i < text.length; i += 1) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i += 1;
        else if (s === QUOTE) break;
      }
      if (kinds.length) seenValue[kinds.length - 1] = true;
      continue;
    }
    const top = kinds.length - 1;
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (top >= 0) seenValue[top] = true;
      if (kinds.length >= limits.maxDepth) return `The body nests deeper than ${limits.maxDepth} levels.`;
      kinds.push(c);
      counts.push(0);
      seenValue.push(false);
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      // The last element of a non-empty array has no comma after it.
      if (c === CLOSE_ARRAY && top >= 0 && seenValue[top]) {
        if (counts[top] + 1 > limits.maxArrayLength) return `Arrays may hold at most ${limits.maxArrayLength} items.`;
      }
      kinds.pop();
      counts.pop();
      seenValue.pop();
    } else if (c === COLON && top >= 0 && kinds[top] === OPEN_OBJECT) {
      counts[top] += 1;
      totalKeys += 1;
      if (counts[top] > limits.maxKeysPerObject) return `An object may have at most ${limits.maxKeysPerObject} properties.`;
      if (totalKeys > limits.maxTotalKeys) return `The body may have at most ${limits.maxTotalKeys} properties in all.`;
    } else if (c === COMMA && top >= 0 && kinds[top] === OPEN_ARRAY) {
      counts[top] += 1;
      if (counts[top] >= limits.maxArrayLength) return `Arrays may hold at most ${limits.maxArrayLength} items.`;
    } else if (top >= 0 && c > 0x20 && c !== COMMA && c !== COLON) {
      seenValue[top] = true; // a number, true, false or null
    }
  }
  return undefined;
}
