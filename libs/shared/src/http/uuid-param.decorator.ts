import { Param, ParseUUIDPipe } from '@nestjs/common';
import { NotFoundError } from '../errors/domain-error';

/** A path id; a malformed one names nothing, so it is a 404 like an unknown one. */
export function UuidParam(name: string, resource: string): ParameterDecorator {
  return Param(name, new ParseUUIDPipe({ version: undefined, exceptionFactory: () => new NotFoundError(resource) }));
}
