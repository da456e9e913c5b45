import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { ExpireGuestCarts } from '../application/expire-guest-carts.use-case';

/** Frees the rows of expired guest carts; reads already treat them as gone, so timing is not critical. */
@Injectable()
export class GuestCartExpiryJob {
  private readonly logger = new Logger(GuestCartExpiryJob.name);

  constructor(private readonly expireGuestCarts: ExpireGuestCarts) {}

  @Cron(CronExpression.EVERY_10_MINUTES)
  async run(): Promise<void> {
    try {
      const deleted = await this.expireGuestCarts.execute();
      if (deleted > 0) this.logger.log(`Deleted ${deleted} expired guest carts`);
    } catch (error) {
      this.logger.error({ err: error }, 'Guest cart expiry failed');
    }
  }
}
