type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

const STRING_SAMPLES: Record<string, string> = {
  uuid: '3d0c2f1e-8b1a-4c55-9d7e-0a4c1f5b2e77',
  'date-time': '2026-11-24T10:00:00.000Z',
  email: 'ada@example.com',
  uri: 'https://example.com',
};

/** The server refuses unknown fields at every depth: every object a request body can hold says so. */
export function closeRequestSchemas(document: Json): void {
  const seen = new Set<Json>();
  const close = (schema: Json | undefined): void => {
    if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
    seen.add(schema);
    if (typeof schema.$ref === 'string') {
      close(document.components.schemas[String(schema.$ref.split('/').pop())]);
      return;
    }
    const isObject = schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object')) || schema.properties;
    if (isObject && schema.additionalProperties === undefined && schema.properties) schema.additionalProperties = false;
    Object.values<Json>(schema.properties ?? {}).forEach(close);
    for (const key of ['items', 'additionalProperties']) if (typeof schema[key] === 'object') close(schema[key]);
    for (const key of ['allOf', 'anyOf', 'oneOf']) (schema[key] ?? []).forEach(close);
  };
  for (const item of Object.values<Json>(document.paths)) {
    for (const method of METHODS) {
      for (const media of Object.values<Json>(item[method]?.requestBody?.content ?? {})) close(media.schema);
    }
  }
}

/** `int32` where the bounds fit in 32 bits, `int64` otherwise: generators then pick the right type. */
export function addIntegerFormats(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(addIntegerFormats);
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  const isInteger = schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('integer'));
  if (isInteger && !schema.format) {
    const fits = (bound: unknown) => typeof bound === 'number' && Math.abs(bound) <= 2 ** 31 - 1;
    schema.format =
      fits(schema.maximum ?? schema.exclusiveMaximum) && fits(schema.minimum ?? schema.exclusiveMinimum ?? 0) ? 'int32' : 'int64';
  }
  Object.values(schema).forEach(addIntegerFormats);
}

/**
 * The body Swagger UI pre-fills (and a reader copies): the required fields, plus the optional ones
 * that carry an example. Left to itself, Swagger UI would invent a value for every optional field
 * (a random shippingMethodId, an expectedTotal of 0), and "Execute" as offered would fail.
 */
export function addRequestExamples(document: Json): void {
  const sample = (schema: Json | undefined, depth = 0): unknown => {
    if (!schema || depth > 8) return undefined;
    if (schema.$ref) return sample(document.components.schemas[String(schema.$ref.split('/').pop())], depth + 1);
    if (schema.example !== undefined) return schema.example;
    if (schema.allOf?.length === 1) return sample(schema.allOf[0], depth + 1);
    if (schema.anyOf)
      return sample(
        schema.anyOf.find((option: Json) => option.type !== 'null'),
        depth + 1,
      );
    if (Array.isArray(schema.enum)) return schema.enum.find((value: unknown) => value !== null);
    const type = Array.isArray(schema.type) ? schema.type.find((name: string) => name !== 'null') : schema.type;
    if (type === 'object' || schema.properties) {
      const required = new Set<string>(schema.required ?? []);
      const entries = Object.entries<Json>(schema.properties ?? {})
        .filter(([name, property]) => required.has(name) || hasExample(property))
        .map(([name, property]) => [name, sample(property, depth + 1)]);
      return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
    }
    if (type === 'array') {
      const item = sample(schema.items, depth + 1);
      return item === undefined ? [] : [item];
    }
    if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
    if (type === 'boolean') return true;
    if (type === 'string') return STRING_SAMPLES[schema.format] ?? 'string';
    return undefined;
  };
  const hasExample = (schema: Json | undefined): boolean => {
    if (!schema) return false;
    if (schema.example !== undefined) return true;
    if (schema.$ref) return false;
    return (schema.allOf ?? schema.anyOf ?? []).some((option: Json) => option.example !== undefined);
  };
  for (const item of Object.values<Json>(document.paths)) {
    for (const method of METHODS) {
      for (const media of Object.values<Json>(item[method]?.requestBody?.content ?? {})) {
        if (media.example === undefined && media.examples === undefined && media.schema) media.example = sample(media.schema);
      }
    }
  }
}
