import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ReconcilePendingPayments } from '../application/reconcile-pending-payments.use-case';
import { PaymentsConfig } from '../payments.config';

const JOB = 'payments.reconcile-pending';

/**
 * Runs the reconciliation every PAYMENT_RECONCILE_INTERVAL_SECONDS on every API instance; one
 * instance never overlaps itself, and concurrent instances settle each payment once.
 */
@Injectable()
export class PaymentReconciliationJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PaymentReconciliationJob.name);
  private running = false;

  constructor(
    private readonly scheduler: SchedulerRegistry,
    private readonly reconcile: ReconcilePendingPayments,
    private readonly config: PaymentsConfig,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => void this.tick(), this.config.reconcileIntervalSeconds * 1000);
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
      await this.reconcile.execute();
    } catch (error) {
      this.logger.error({ err: error }, 'Reconciling pending payments failed');
    } finally {
      this.running = false;
    }
  }
}
