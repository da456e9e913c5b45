import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DeliverWebhook } from '../application/deliver-webhook.use-case';
import { DeliveryQueue } from '../application/delivery-queue.port';
import { WebhookDeliveryRepository } from '../application/webhook-delivery.repository';

/** setTimeout cannot wait longer than this; a later attempt is re-armed when the timer fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Stand-in until the job queue: timers in this process. Scheduled attempts do not survive a
 * restart, so open deliveries are scheduled again at start-up. A pg-boss adapter replaces it.
 */
@Injectable()
export class InProcessDeliveryQueue extends DeliveryQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly deliveries: WebhookDeliveryRepository,
  ) {
    super();
  }

  async schedule(deliveryId: string, runAt: Date): Promise<void> {
    if (this.stopped) return;
    const delay = Math.min(Math.max(0, runAt.getTime() - Date.now()), MAX_TIMER_MS);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (Date.now() < runAt.getTime()) return void this.schedule(deliveryId, runAt);
      this.run(deliveryId);
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const delivery of await this.deliveries.listOpen(null, 10_000)) {
      await this.schedule(delivery.id, delivery.nextAttemptAt ?? new Date());
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private run(deliveryId: string): void {
    if (this.stopped) return;
    // Resolved lazily: DeliverWebhook itself depends on this queue.
    const task = this.moduleRef
      .get(DeliverWebhook, { strict: false })
      .execute(deliveryId)
      .catch((error: unknown) => this.logger.error({ err: error, deliveryId }, 'Webhook delivery run failed'))
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }
}
