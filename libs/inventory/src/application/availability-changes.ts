import { Injectable } from '@nestjs/common';
import { AfterCommit } from '@congocart/shared';

export interface AvailabilityChange {
  /** Some variant ran out (available reached 0) or came back (left 0): "in stock" changed. */
  inStockChanged: boolean;
}

export type AvailabilityListener = (change: AvailabilityChange) => Promise<void> | void;

/**
 * Tells the contexts that show availability (catalog's read cache) that it changed, once the
 * change has committed. In-process listeners for now; the events issue turns this into an event.
 */
@Injectable()
export class AvailabilityChanges {
  private readonly listeners: AvailabilityListener[] = [];

  constructor(private readonly after: AfterCommit) {}

  subscribe(listener: AvailabilityListener): void {
    this.listeners.push(listener);
  }

  /** Call inside the transaction that changed on-hand or reserved stock. */
  changed(change: AvailabilityChange): Promise<void> {
    return this.after.run(async () => {
      for (const listener of this.listeners) await listener(change);
    });
  }
}
