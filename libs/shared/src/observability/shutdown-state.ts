import { Injectable } from '@nestjs/common';

/**
 * Set when the process has been asked to stop: readiness answers 503 (load balancers stop
 * sending) and responses ask clients to close their connection, while the listener keeps serving
 * for the grace period before it closes.
 */
@Injectable()
export class ShutdownState {
  private drainingSince: Date | null = null;

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  beginDraining(): void {
    this.drainingSince ??= new Date();
  }
}
