import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailedError } from '../errors/domain-error';
import { compiledQueryOf } from './compiled-query';

/** Query DTOs marked @CompiledQuery() are checked by their compiled schema first; anything it does not accept goes through class-validator. */
class StrictValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'query' && metadata.metatype && value && typeof value === 'object') {
      const accepted = compiledQueryOf(metadata.metatype as new () => unknown)?.(value as Record<string, unknown>);
      if (accepted) return Promise.resolve(accepted);
    }
    return super.transform(value, metadata);
  }
}

/** Strict validation: unknown fields rejected at every depth, no implicit type coercion. */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: true,
    exceptionFactory: (errors) => new ValidationFailedError(flattenErrors(errors)),
  });
}

export function flattenErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^(an instance of \w+ has failed the validation:\s*-?\s*)/, ''),
    }));
    return [...own, ...flattenErrors(error.children ?? [], field)];
  });
}
