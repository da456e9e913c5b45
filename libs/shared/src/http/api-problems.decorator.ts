import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDto, titleFor } from '../errors/problem';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (VALIDATION_FAILED with field errors)',
  401: 'Missing or invalid bearer token',
  402: 'Payment declined',
  403: 'Authenticated but not allowed',
  404: 'Not found',
  409: 'Conflicts with the current state',
  412: 'If-Match does not match the current version',
  413: 'Body larger than the limit',
  415: 'Body is not application/json',
  422: 'Well-formed but unprocessable',
  429: 'Throttled; see Retry-After',
};

/** Documents error responses of an operation with the problem+json schema. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? titleFor(status),
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
        ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } } : {}),
      }),
    ),
  );
}
