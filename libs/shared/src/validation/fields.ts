import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
  registerDecorator,
} from 'class-validator';

/**
 * Field decorators that validate and document in one place, so the OpenAPI document states
 * exactly what the server enforces (required, maxLength, integer bounds, enum, maxItems).
 *
 * `optional` accepts an absent field but not `null`; `nullable` also accepts `null`
 * (e.g. to clear a category in a PATCH).
 */
interface Presence {
  optional?: boolean;
  nullable?: boolean;
  description?: string;
  example?: unknown;
}

function presence(options: Presence): PropertyDecorator[] {
  if (options.nullable) return [ValidateIf((_, value) => value !== undefined && value !== null)];
  if (options.optional) return [ValidateIf((_, value) => value !== undefined)];
  return [];
}

function doc(options: Presence, schema: ApiPropertyOptions): PropertyDecorator {
  return ApiProperty({
    required: !(options.optional || options.nullable),
    nullable: options.nullable || undefined,
    description: options.description,
    example: options.example,
    ...schema,
  } as ApiPropertyOptions);
}

export interface StringFieldOptions extends Presence {
  maxLength: number;
  minLength?: number;
  pattern?: RegExp;
  patternMessage?: string;
  format?: string;
  /** Trim surrounding white space before validating. */
  trim?: boolean;
  lowercase?: boolean;
}

export function StringField(options: StringFieldOptions): PropertyDecorator {
  const decorators: PropertyDecorator[] = [
    ...presence(options),
    IsString(),
    Length(options.minLength ?? 0, options.maxLength),
    doc(options, {
      type: String,
      maxLength: options.maxLength,
      minLength: options.minLength,
      pattern: options.pattern?.source,
      format: options.format,
    }),
  ];
  if (options.pattern) decorators.push(Matches(options.pattern, { message: options.patternMessage }));
  if (options.trim || options.lowercase) {
    decorators.push(
      Transform(({ value }: { value: unknown }) => {
        if (typeof value !== 'string') return value;
        const trimmed = options.trim ? value.trim() : value;
        return options.lowercase ? trimmed.toLowerCase() : trimmed;
      }),
    );
  }
  return applyDecorators(...decorators);
}

export interface IntFieldOptions extends Presence {
  min: number;
  max: number;
  /** Query parameters arrive as strings: accept strict decimal text and convert it. */
  fromQuery?: boolean;
  notZero?: boolean;
}

export function IntField(options: IntFieldOptions): PropertyDecorator {
  const decorators: PropertyDecorator[] = [
    ...presence(options),
    IsInt(),
    Min(options.min),
    Max(options.max),
    doc(options, { type: 'integer', minimum: options.min, maximum: options.max }),
  ];
  if (options.fromQuery) decorators.push(Transform(({ value }) => parseDecimalInteger(value)));
  if (options.notZero) decorators.push(NotZero());
  return applyDecorators(...decorators);
}

export function BoolField(options: Presence & { fromQuery?: boolean } = {}): PropertyDecorator {
  const decorators: PropertyDecorator[] = [...presence(options), IsBoolean(), doc(options, { type: Boolean })];
  if (options.fromQuery)
    decorators.push(Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value)));
  return applyDecorators(...decorators);
}

export function EnumField(values: readonly string[], options: Presence & { enumName?: string } = {}): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    IsString(),
    IsIn(values as string[]),
    doc(options, { enum: values as string[], enumName: options.enumName, type: String }),
  );
}

export function UuidField(options: Presence = {}): PropertyDecorator {
  return applyDecorators(...presence(options), IsString(), IsUUID('all'), doc(options, { type: String, format: 'uuid', maxLength: 36 }));
}

export function NestedField(type: () => new () => object, options: Presence = {}): PropertyDecorator {
  return applyDecorators(...presence(options), IsObject(), ValidateNested(), Type(type), doc(options, { type: () => type() }));
}

export function NestedArrayField(
  type: () => new () => object,
  options: Presence & { maxItems: number; minItems?: number },
): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    ArrayMinSize(options.minItems ?? 0),
    ArrayMaxSize(options.maxItems),
    ValidateNested({ each: true }),
    IsObject({ each: true }),
    Type(type),
    doc(options, { type: () => type(), isArray: true, maxItems: options.maxItems, minItems: options.minItems } as ApiPropertyOptions),
  );
}

export function StringArrayField(options: Presence & { maxItems: number; maxLength: number; pattern?: RegExp }): PropertyDecorator {
  const decorators: PropertyDecorator[] = [
    ...presence(options),
    ArrayMaxSize(options.maxItems),
    IsString({ each: true }),
    Length(0, options.maxLength, { each: true }),
    doc(options, {
      type: 'array',
      maxItems: options.maxItems,
      items: { type: 'string', maxLength: options.maxLength, pattern: options.pattern?.source },
    } as ApiPropertyOptions),
  ];
  if (options.pattern) decorators.push(Matches(options.pattern, { each: true }));
  return applyDecorators(...decorators);
}

/** An object whose values are all strings, e.g. variant options `{size: "M"}`. */
export function StringMapField(
  options: Presence & { maxProperties: number; maxKeyLength: number; maxValueLength: number },
): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    IsStringMap(options.maxProperties, options.maxKeyLength, options.maxValueLength),
    doc(options, {
      type: 'object',
      maxProperties: options.maxProperties,
      additionalProperties: { type: 'string', maxLength: options.maxValueLength },
    } as ApiPropertyOptions),
  );
}

export function IsStringMap(
  maxProperties: number,
  maxKeyLength: number,
  maxValueLength: number,
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isStringMap',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `$property must be an object of at most ${maxProperties} string values (keys ≤ ${maxKeyLength}, values ≤ ${maxValueLength} characters)`,
        ...validationOptions,
      },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= maxProperties &&
            entries.every(
              ([key, item]) => key.length > 0 && key.length <= maxKeyLength && typeof item === 'string' && item.length <= maxValueLength,
            )
          );
        },
      },
    });
}

function NotZero(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'notZero',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must not be zero' },
      validator: { validate: (value: unknown) => value !== 0 },
    });
}

/** "12" → 12; anything else ("1.5", "0x1", " 3", "1e3") stays as is and fails IsInt. */
export function parseDecimalInteger(value: unknown): unknown {
  if (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) return Number(value);
  return value;
}
