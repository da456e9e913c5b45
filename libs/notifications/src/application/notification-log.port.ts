import type { TemplateName } from '../domain/notification';

export interface NotificationKey {
  eventId: string;
  recipient: string;
  template: TemplateName;
}

/** One row per (event, recipient, template): the record that makes a message go out once. */
export abstract class NotificationLog {
  /**
   * Takes the right to send: true for a new key, a failed one, or one whose send was claimed
   * before `staleBefore` and never recorded (a crash); false when it was sent or is being sent.
   */
  abstract claim(key: NotificationKey, now: Date, staleBefore: Date): Promise<boolean>;
  abstract markSent(key: NotificationKey, now: Date): Promise<void>;
  abstract markFailed(key: NotificationKey, error: string, now: Date): Promise<void>;
}
