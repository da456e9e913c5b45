import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

export const ORDER_TOKEN_HEADER = 'x-order-token';

/** The X-Order-Token header (undefined when absent or repeated); documented by OrderTokenHeader(). */
export const RequestOrderToken = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers[ORDER_TOKEN_HEADER];
  return typeof value === 'string' ? value : undefined;
});

export const OrderTokenHeader = () =>
  ApiHeader({
    name: 'X-Order-Token',
    required: true,
    description: 'The `orderToken` of the guest checkout’s answer (also in the confirmation e-mail’s link); missing or wrong → 404',
    schema: { type: 'string', maxLength: 256 },
  });
