/**
 * Runs `DeliverWebhook` for a delivery at (or soon after) `runAt`. The in-process adapter serves
 * for now; a job-queue adapter (pg-boss) replaces it without touching the use cases. Running a
 * delivery twice or early is harmless: the attempt is claimed by a conditional UPDATE.
 */
export abstract class DeliveryQueue {
  abstract schedule(deliveryId: string, runAt: Date): Promise<void>;
}
