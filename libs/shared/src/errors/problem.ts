import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, with CongoCart's `code`, `traceId` and field `errors`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  traceId: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

export class FieldErrorDto {
  @ApiProperty({ example: 'shippingAddress.city', description: 'Property path of the offending field' })
  field: string;
  @ApiProperty({ example: 'city must be shorter than or equal to 100 characters' })
  message: string;
}

/** Swagger schema of every error response. */
export class ProblemDto {
  @ApiProperty({ example: 'https://congocart.dev/problems/validation-failed' })
  type: string;
  @ApiProperty({ example: 'Bad Request' })
  title: string;
  @ApiProperty({ example: 400, type: 'integer' })
  status: number;
  @ApiProperty({ example: 'The request is invalid.' })
  detail: string;
  @ApiProperty({ example: '/api/v1/cart/items' })
  instance: string;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code' })
  code: string;
  @ApiProperty({ example: '5f0c3b0e-3d7e-4b7c-9a43-2b1f4b1e8a11', description: 'The request id (X-Request-Id)' })
  traceId: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Field problems (400 only)' })
  errors?: FieldErrorDto[];
  @ApiPropertyOptional({
    type: 'integer',
    example: 57,
    description: 'How many field problems there were, when errors lists only the first 20',
  })
  errorCount?: number;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function titleFor(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}

export function problemType(code: string): string {
  return `https://congocart.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`;
}
