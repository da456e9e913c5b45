import { Injectable, OnModuleInit } from '@nestjs/common';
import { PeriodicTask, PeriodicTasks } from '@congocart/shared';
import { ExpireGuestCarts } from '../application/expire-guest-carts.use-case';

/** Frees the rows of expired guest carts; reads already treat them as gone, so timing is not critical. */
@Injectable()
export class GuestCartExpiryTask implements PeriodicTask, OnModuleInit {
  readonly id = 'carts.expire-guest';
  readonly intervalSeconds = 600;

  constructor(
    private readonly tasks: PeriodicTasks,
    private readonly expireGuestCarts: ExpireGuestCarts,
  ) {}

  onModuleInit(): void {
    this.tasks.add(this);
  }

  run(): Promise<number> {
    return this.expireGuestCarts.execute();
  }
}
