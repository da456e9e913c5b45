import { Injectable, OnModuleInit } from '@nestjs/common';
import { PeriodicTask, PeriodicTasks } from '@congocart/shared';
import { ExpireUnpaidOrders } from '../application/expire-unpaid-orders.use-case';
import { OrderingConfig } from '../ordering.config';

/** Cancels unpaid orders past their payment window (their stock is released), once per interval across all workers. */
@Injectable()
export class OrderExpiryTask implements PeriodicTask, OnModuleInit {
  readonly id = 'orders.expire-unpaid';
  readonly intervalSeconds: number;

  constructor(
    private readonly tasks: PeriodicTasks,
    private readonly expireUnpaidOrders: ExpireUnpaidOrders,
    config: OrderingConfig,
  ) {
    this.intervalSeconds = config.expirySweepIntervalSeconds;
  }

  onModuleInit(): void {
    this.tasks.add(this);
  }

  run(): Promise<number> {
    return this.expireUnpaidOrders.execute();
  }
}
