import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ConflictError, ValidationFailedError } from './domain-error';
import { toProblem } from './problem-response';

describe('toProblem', () => {
  it('renders a domain error with its code, status and extensions', () => {
    const problem = toProblem(
      new ConflictError('INSUFFICIENT_STOCK', 'Not enough stock.', { available: 2 }),
      '/api/v1/cart/items',
      'req-1',
    );
    expect(problem).toEqual({
      type: 'https://congocart.dev/problems/insufficient-stock',
      title: 'Conflict',
      status: 409,
      detail: 'Not enough stock.',
      instance: '/api/v1/cart/items',
      code: 'INSUFFICIENT_STOCK',
      traceId: 'req-1',
      available: 2,
    });
  });

  it('lists field errors of a validation failure', () => {
    const problem = toProblem(new ValidationFailedError([{ field: 'shippingAddress.city', message: 'too long' }]), '/x', 'r');
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([{ field: 'shippingAddress.city', message: 'too long' }]);
  });

  it('turns anything unexpected into a generic 500 that leaks nothing', () => {
    const error = new TypeError('relation "users" does not exist at SELECT * FROM users');
    const problem = toProblem(error, '/x', 'trace-9');
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL_ERROR', traceId: 'trace-9' });
    expect(JSON.stringify(problem)).not.toMatch(/users|SELECT|TypeError|stack/);
  });

  it('maps framework exceptions by status', () => {
    expect(toProblem(new NotFoundException('Cannot GET /x'), '/x', 'r')).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(toProblem(new BadRequestException('Validation failed (uuid is expected)'), '/x', 'r')).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(
      toProblem({ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: 'Request body is too large' }, '/x', 'r'),
    ).toMatchObject({ status: 413 });
  });
});
