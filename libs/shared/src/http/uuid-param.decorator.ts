import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { NotFoundError } from '../errors/domain-error';

/** A path id; a malformed one names nothing, so it is a 404 like an unknown one. */
export function UuidParam(name: string, resource: string): ParameterDecorator {
  const param = Param(name, new ParseUUIDPipe({ version: undefined, exceptionFactory: () => new NotFoundError(resource) }));
  return (target, key, index) => {
    param(target, key, index);
    // Documented here so the contract states the format and bound of every id in one place.
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (descriptor)
      ApiParam({ name, schema: { type: 'string', format: 'uuid', maxLength: 36 }, description: `The ${resource.toLowerCase()} id` })(
        target,
        key!,
        descriptor,
      );
  };
}
