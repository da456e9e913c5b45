import { Injectable, OnModuleInit } from '@nestjs/common';
import { PeriodicTask, PeriodicTasks } from '@congocart/shared';
import { ReconcilePendingPayments } from '../application/reconcile-pending-payments.use-case';
import { PaymentsConfig } from '../payments.config';

/** Asks the provider about payments left pending (a lost answer, a crash) and settles them, once per interval across all workers. */
@Injectable()
export class PaymentReconciliationTask implements PeriodicTask, OnModuleInit {
  readonly id = 'payments.reconcile-pending';
  readonly intervalSeconds: number;

  constructor(
    private readonly tasks: PeriodicTasks,
    private readonly reconcile: ReconcilePendingPayments,
    config: PaymentsConfig,
  ) {
    this.intervalSeconds = config.reconcileIntervalSeconds;
  }

  onModuleInit(): void {
    this.tasks.add(this);
  }

  run(): Promise<number> {
    return this.reconcile.execute();
  }
}
