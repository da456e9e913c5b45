// @nestjs/swagger's metadata keys of documented properties (ApiProperty).
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';
const API_MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';

/**
 * Query parameters of hot routes checked by a schema compiled once, not by class-validator's
 * reflection per request. The schema is the one the DTO documents (its OpenAPI properties); the
 * compiled check accepts only what class-validator accepts and yields the same values, and leaves
 * everything else (unknown or repeated parameters, out-of-range or malformed values) to the
 * ValidationPipe, so a rejected query gets exactly the 400 problem it always got.
 */
const COMPILED_QUERY = Symbol('compiledQuery');

/** Marks a query DTO for the compiled check. Its fields must be plain: no trimming or other transforms beyond the query ones. */
export function CompiledQuery(): ClassDecorator {
  return (target) => Reflect.defineMetadata(COMPILED_QUERY, true, target);
}

type Check = (raw: unknown) => { value: unknown } | undefined;
export type CompiledQueryCheck<T> = (query: Record<string, unknown>) => T | undefined;

interface DocumentedProperty {
  type?: unknown;
  required?: boolean;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  isArray?: boolean;
  nullable?: boolean;
}

const compiled = new WeakMap<object, CompiledQueryCheck<unknown> | null>();

/** The compiled check of a DTO marked @CompiledQuery(), or null (not marked, or a field it cannot compile). */
export function compiledQueryOf<T>(type: new () => T): CompiledQueryCheck<T> | null {
  if (!compiled.has(type)) compiled.set(type, Reflect.getMetadata(COMPILED_QUERY, type) ? compileQuery(type) : null);
  return compiled.get(type) as CompiledQueryCheck<T> | null;
}

export function compileQuery<T>(type: new () => T): CompiledQueryCheck<T> | null {
  const names = ((Reflect.getMetadata(API_MODEL_PROPERTIES_ARRAY, type.prototype as object) ?? []) as string[]).map((name) =>
    name.replace(/^:/, ''),
  );
  const fields = new Map<string, { check: Check; required: boolean }>();
  for (const name of names) {
    const property = Reflect.getMetadata(API_MODEL_PROPERTIES, type.prototype as object, name) as DocumentedProperty | undefined;
    const check = property && checkFor(property);
    if (!check) return null;
    fields.set(name, { check, required: property.required !== false });
  }
  const required = [...fields].filter(([, field]) => field.required).map(([name]) => name);
  return (query) => {
    const instance = new type() as Record<string, unknown>;
    for (const name of Object.keys(query)) {
      const checked = fields.get(name)?.check(query[name]);
      if (!checked) return undefined;
      instance[name] = checked.value;
    }
    for (const name of required) if (!(name in instance)) return undefined;
    return instance as T;
  };
}

function checkFor(property: DocumentedProperty): Check | undefined {
  if (property.isArray || property.nullable || property.pattern || property.format) return undefined;
  if (property.enum) {
    const allowed = new Set(property.enum);
    return (raw) => (typeof raw === 'string' && allowed.has(raw) ? { value: raw } : undefined);
  }
  if (property.type === 'integer' && property.minimum !== undefined && property.maximum !== undefined) {
    const { minimum, maximum } = property;
    return (raw) => {
      // The IntField query conversion (strict decimal text), then its bounds.
      if (typeof raw !== 'string' || !/^-?\d{1,15}$/.test(raw)) return undefined;
      const value = Number(raw);
      return value >= minimum && value <= maximum ? { value } : undefined;
    };
  }
  if (property.type === Boolean) return (raw) => (raw === 'true' ? { value: true } : raw === 'false' ? { value: false } : undefined);
  if (property.type === String && property.maxLength !== undefined) {
    const { minLength = 0, maxLength } = property;
    // UTF-16 length: never longer than class-validator's count (which takes a surrogate pair as one).
    return (raw) => (typeof raw === 'string' && raw.length >= minLength && raw.length <= maxLength ? { value: raw } : undefined);
  }
  return undefined;
}
