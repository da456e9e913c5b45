import { Injectable, OnModuleInit } from '@nestjs/common';
import { EmailVerifiedEvent, EmailVerifiedHooks, EmailVerifiedListener } from '@congocart/identity';
import { OrderRepository } from './order.repository';

/**
 * When a user verifies an e-mail address, the guest orders placed with it become theirs (they
 * then appear in GET /orders), inside the verification's transaction. Their order tokens keep working.
 */
@Injectable()
export class AttachGuestOrders extends EmailVerifiedListener implements OnModuleInit {
  constructor(
    private readonly orders: OrderRepository,
    private readonly hooks: EmailVerifiedHooks,
  ) {
    super();
  }

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async onEmailVerified(event: EmailVerifiedEvent): Promise<void> {
    await this.orders.attachGuestOrders(event.userId, event.email);
  }
}
