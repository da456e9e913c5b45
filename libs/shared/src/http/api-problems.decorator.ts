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

/** The OpenAPI extension naming the problem codes an error response of this operation may carry. */
export const PROBLEM_CODES_EXTENSION = 'x-problem-codes';

/**
 * Documents error responses of an operation with the problem+json schema. A status is a number,
 * or `{ status: codes }` naming the only codes (beside the generic ones) the operation answers
 * with it; without codes, every code known for the status is listed (see PROBLEM_CODES). The
 * document post-processor adds what every operation can answer (413/415, 404/414, 429, 503, default).
 */
export function ApiProblems(...statuses: (number | Record<number, string[]>)[]): MethodDecorator & ClassDecorator {
  const entries = statuses.flatMap((entry): [number, string[] | undefined][] =>
    typeof entry === 'number' ? [[entry, undefined]] : Object.entries(entry).map(([status, codes]) => [Number(status), codes]),
  );
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...entries.map(([status, codes]) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? titleFor(status),
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
        ...(codes ? { [PROBLEM_CODES_EXTENSION]: codes } : {}),
      }),
    ),
  );
}
