import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ExpireUnpaidOrders } from '../application/expire-unpaid-orders.use-case';
import { OrderingConfig } from '../ordering.config';

const JOB = 'orders.expire-unpaid';

/**
 * Runs the expiry sweep every ORDER_EXPIRY_SWEEP_INTERVAL_SECONDS on every API instance; the
 * sweep itself is safe to run concurrently (SKIP LOCKED), and one instance never overlaps itself.
 */
@Injectable()
export class OrderExpiryJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OrderExpiryJob.name);
  private running = false;

  constructor(
    private readonly scheduler: SchedulerRegistry,
    private readonly expireUnpaidOrders: ExpireUnpaidOrders,
    private readonly config: OrderingConfig,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => void this.tick(), this.config.expirySweepIntervalSeconds * 1000);
    timer.unref();
    this.scheduler.addInterval(JOB, timer);
  }

  onModuleDestroy(): void {
    if (this.scheduler.doesExist('interval', JOB)) this.scheduler.deleteInterval(JOB);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.expireUnpaidOrders.execute();
    } catch (error) {
      this.logger.error({ err: error }, 'Expiring unpaid orders failed');
    } finally {
      this.running = false;
    }
  }
}
