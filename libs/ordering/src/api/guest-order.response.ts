import { ApiProperty } from '@nestjs/swagger';
import type { OrderDetails } from '../application/get-order.use-case';
import { OrderResponse } from './order.response';

/** A guest checkout's answer: the order, and the token that holds it (shown here once; only its hash is stored). */
export class GuestOrderCreatedResponse extends OrderResponse {
  @ApiProperty({
    description:
      'Send it as X-Order-Token to the /guest-orders/{id} routes. 256 random bits, base64url. Keep it: it is not shown again ' +
      '(an idempotent replay of this checkout returns it; the confirmation e-mail carries it in its link).',
    example: 'q8Q0J8mZ7c3YxW2l1nB5vT9rK4sH6dF0aE3uI7oP2gM',
  })
  orderToken: string;

  static withToken(details: OrderDetails, orderToken: string): GuestOrderCreatedResponse {
    return Object.assign(new GuestOrderCreatedResponse(), OrderResponse.forCustomer(details), { orderToken });
  }
}
