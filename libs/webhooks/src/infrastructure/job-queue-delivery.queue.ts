import { Injectable } from '@nestjs/common';
import { JobQueue, JobRetryPolicy, TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { DeliveryQueue } from '../application/delivery-queue.port';

export const WEBHOOK_DELIVERY_QUEUE = 'webhooks.deliver';

export interface DeliveryJob {
  deliveryId: string;
}

/**
 * Retries of the job itself, for runs that throw (database down, a crash mid-attempt): a failed
 * HTTP attempt does not throw, it is recorded and scheduled as a new job at its next attempt time.
 * The timeout outlasts an attempt's lease (10 s request + 30 s), so a crashed run's job comes back
 * when the delivery can be claimed again.
 */
export const WEBHOOK_DELIVERY_JOB_POLICY: JobRetryPolicy = { retryLimit: 10, retryDelaySeconds: 10, backoff: true, timeoutSeconds: 60 };

/**
 * Delivery attempts as jobs on the PostgreSQL queue (`startAfter` = the attempt time): they
 * survive restarts and run on whichever worker fetches them. Inside a transaction the job is
 * written on the transaction's own connection, so it commits or rolls back with the delivery row.
 */
@Injectable()
export class JobQueueDeliveryQueue extends DeliveryQueue {
  constructor(
    private readonly jobs: JobQueue,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {
    super();
  }

  async schedule(deliveryId: string, runAt: Date): Promise<void> {
    await this.jobs.ensureQueue(WEBHOOK_DELIVERY_QUEUE, WEBHOOK_DELIVERY_JOB_POLICY);
    const job: DeliveryJob = { deliveryId };
    const options: { startAfter: Date; db?: { executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }> } } = {
      startAfter: runAt,
    };
    if (this.txHost.isTransactionActive()) {
      const tx = this.txHost.tx;
      options.db = { executeSql: async (text, values) => ({ rows: await tx.query(text, values) }) };
    }
    // pg-boss answers null instead of failing when the queue is missing; a delivery without its job must not commit.
    if (!(await this.jobs.boss.send(WEBHOOK_DELIVERY_QUEUE, job, options))) {
      throw new Error(`Webhook delivery ${deliveryId} not enqueued`);
    }
  }
}
