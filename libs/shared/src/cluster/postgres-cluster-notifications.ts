import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { assertChannel, ClusterNotifications } from './cluster-notifications';

const RECONNECT_DELAY_MS = 1000;

/**
 * PostgreSQL LISTEN/NOTIFY on one dedicated connection per process (the pool's connections
 * cannot listen). Reconnects and re-listens after a lost connection; messages sent meanwhile are lost.
 */
export class PostgresClusterNotifications extends ClusterNotifications implements OnApplicationShutdown {
  private readonly logger = new Logger('ClusterNotifications');
  private readonly listeners = new Map<string, ((message: string) => void)[]>();
  private client: Promise<Client> | null = null;
  private closed = false;

  constructor(private readonly databaseUrl: string) {
    super();
  }

  async publish(channel: string, message = ''): Promise<void> {
    assertChannel(channel);
    try {
      await (await this.connection()).query('SELECT pg_notify($1, $2)', [channel, message]);
    } catch (error) {
      this.logger.warn(`Not published on ${channel}: ${String(error)}`);
    }
  }

  async subscribe(channel: string, listener: (message: string) => void): Promise<void> {
    assertChannel(channel);
    const known = this.listeners.get(channel);
    this.listeners.set(channel, [...(known ?? []), listener]);
    if (!known) await (await this.connection()).query(`LISTEN ${channel}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    if (client) await (await client.catch(() => null))?.end().catch(() => undefined);
  }

  private connection(): Promise<Client> {
    this.client ??= this.connect().catch((error: unknown) => {
      this.client = null;
      throw error;
    });
    return this.client;
  }

  private async connect(): Promise<Client> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'congocart-notifications' });
    client.on('notification', ({ channel, payload }) => {
      for (const listener of this.listeners.get(channel) ?? []) listener(payload ?? '');
    });
    client.on('error', (error) => {
      this.logger.warn(`Notification connection lost: ${error.message}`);
      this.reconnectSoon();
    });
    await client.connect();
    for (const channel of this.listeners.keys()) await client.query(`LISTEN ${channel}`);
    return client;
  }

  private reconnectSoon(): void {
    this.client = null;
    if (this.closed) return;
    setTimeout(() => {
      if (this.closed || this.client) return;
      this.connection().catch((error: unknown) => {
        this.logger.warn(`Reconnecting notifications failed: ${String(error)}`);
        this.reconnectSoon();
      });
    }, RECONNECT_DELAY_MS).unref();
  }
}
