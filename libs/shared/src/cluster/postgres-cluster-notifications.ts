import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { assertChannel, ClusterNotifications } from './cluster-notifications';

const RECONNECT_DELAY_MS = 1000;

/**
 * PostgreSQL LISTEN/NOTIFY on one dedicated connection per process (the pool's connections
 * cannot listen). Reconnects and re-listens after a lost connection; messages sent meanwhile are lost.
 * Statements on that connection run one after another. A burst of identical messages (a
 * checkout's "drop your product pages", many times a second) shares one send: a message that
 * waits for its turn stands for every identical one published before it leaves, and the one
 * in flight is never counted on for a change that committed after it was sent.
 */
export class PostgresClusterNotifications extends ClusterNotifications implements OnApplicationShutdown {
  private readonly logger = new Logger('ClusterNotifications');
  private readonly listeners = new Map<string, ((message: string) => void)[]>();
  private client: Promise<Client> | null = null;
  private closed = false;
  /** The last statement queued on the connection. */
  private tail: Promise<void> = Promise.resolve();
  /** Sends queued but not started, by channel and message. */
  private readonly waiting = new Map<string, Promise<void>>();

  constructor(private readonly databaseUrl: string) {
    super();
  }

  publish(channel: string, message = ''): Promise<void> {
    assertChannel(channel);
    const key = `${channel}\n${message}`;
    const queued = this.waiting.get(key);
    if (queued) return queued;
    const send = this.inTurn(async (client) => {
      this.waiting.delete(key); // leaving now: what commits from here on needs a send of its own
      await client.query('SELECT pg_notify($1, $2)', [channel, message]);
    }).catch((error: unknown) => this.logger.warn(`Not published on ${channel}: ${String(error)}`));
    this.waiting.set(key, send);
    return send;
  }

  async subscribe(channel: string, listener: (message: string) => void): Promise<void> {
    assertChannel(channel);
    const known = this.listeners.get(channel);
    this.listeners.set(channel, [...(known ?? []), listener]);
    if (!known) await this.inTurn((client) => client.query(`LISTEN ${channel}`));
  }

  /** Runs a statement on the connection once every statement queued before it is done. */
  private inTurn(work: (client: Client) => Promise<unknown>): Promise<void> {
    const run = this.tail.then(async () => {
      await work(await this.connection());
    });
    this.tail = run.catch(() => undefined);
    return run;
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
