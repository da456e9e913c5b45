import { Injectable } from '@nestjs/common';
import { JobHandlers } from '@congocart/shared';
import { DeliverWebhook } from '../application/deliver-webhook.use-case';
import { DeliveryJob, WEBHOOK_DELIVERY_JOB_POLICY, WEBHOOK_DELIVERY_QUEUE } from './job-queue-delivery.queue';

/** The job handler of `webhooks.deliver`: one attempt of one delivery, run by any worker. */
@Injectable()
export class WebhookDeliveryJob {
  constructor(handlers: JobHandlers, deliver: DeliverWebhook) {
    handlers.add<DeliveryJob>({
      ...WEBHOOK_DELIVERY_JOB_POLICY,
      queue: WEBHOOK_DELIVERY_QUEUE,
      handle: ({ deliveryId }) => deliver.execute(deliveryId),
    });
  }
}
