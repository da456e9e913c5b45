/**
 * Fire-and-forget messages to every process of the deployment (API instances and workers), e.g.
 * "drop your catalog cache". Delivery is best effort and fast (well under a second); whatever
 * relies on it keeps a fallback (a TTL). Channel names: lower case, digits and underscores.
 */
export abstract class ClusterNotifications {
  abstract publish(channel: string, message?: string): Promise<void>;
  /** The listener also hears this process's own messages. */
  abstract subscribe(channel: string, listener: (message: string) => void): Promise<void>;
}

export function assertChannel(channel: string): void {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Invalid cluster channel name: ${channel}`);
}
