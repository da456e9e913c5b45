/**
 * Runs `DeliverWebhook` for a delivery at (or soon after) `runAt` (bound to the job queue). Called
 * inside a transaction, the job commits with it. Running a delivery twice or early is harmless:
 * the attempt is claimed by a conditional UPDATE.
 */
export abstract class DeliveryQueue {
  abstract schedule(deliveryId: string, runAt: Date): Promise<void>;
}
