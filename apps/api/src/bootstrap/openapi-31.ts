type Json = Record<string, any>;

/**
 * Turns the OAS 3.0 document @nestjs/swagger writes into OAS 3.1, where JSON Schema says what
 * `nullable` could not: `nullable: true` beside `allOf: [$ref]` is ignored by validators (and
 * read the other way by generators), so a nullable reference becomes
 * `anyOf: [{$ref}, {type: 'null'}]` and a nullable scalar `type: [T, 'null']`.
 */
export function toOas31(document: Json): Json {
  document.openapi = '3.1.0';
  walk(document.components?.schemas ?? {});
  walk(document.paths);
  return document;
}

function walk(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(walk);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  for (const value of Object.values(schema)) walk(value);
  if (schema.nullable === true) nullable(schema);
  else if (schema.nullable === false) delete schema.nullable;
  if (schema.exclusiveMinimum === true) {
    schema.exclusiveMinimum = schema.minimum;
    delete schema.minimum;
  }
  if (schema.exclusiveMaximum === true) {
    schema.exclusiveMaximum = schema.maximum;
    delete schema.maximum;
  }
}

function nullable(schema: Json): void {
  delete schema.nullable;
  const reference = schema.$ref ? { $ref: schema.$ref } : schema.allOf?.length === 1 ? schema.allOf[0] : undefined;
  if (reference) {
    delete schema.$ref;
    delete schema.allOf;
    delete schema.type;
    schema.anyOf = [reference, { type: 'null' }];
    return;
  }
  if (schema.anyOf || schema.oneOf) {
    (schema.anyOf ?? schema.oneOf).push({ type: 'null' });
    return;
  }
  if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null);
}
