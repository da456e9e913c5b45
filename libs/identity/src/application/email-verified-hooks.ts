import { Injectable } from '@nestjs/common';

export interface EmailVerifiedEvent {
  userId: string;
  /** The verified address (trimmed, lower-case). */
  email: string;
}

/** What another context does when a user verifies an e-mail address (e.g. ordering: attach guest orders). */
export abstract class EmailVerifiedListener {
  abstract onEmailVerified(event: EmailVerifiedEvent): Promise<void>;
}

/**
 * The hook other contexts register with (in their onModuleInit). Listeners run inside the
 * verification's transaction: what they write commits or rolls back with it.
 */
@Injectable()
export class EmailVerifiedHooks {
  private readonly listeners: EmailVerifiedListener[] = [];

  register(listener: EmailVerifiedListener): void {
    this.listeners.push(listener);
  }

  async notify(event: EmailVerifiedEvent): Promise<void> {
    for (const listener of this.listeners) await listener.onEmailVerified(event);
  }
}
