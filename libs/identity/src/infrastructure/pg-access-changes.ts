import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { AccessChanges } from '../application/access-state.port';
import { CurrentAccess } from '../application/current-access';

const CHANNEL = 'congocart_access_changed';
const RECONNECT_MS = 1_000;

/**
 * Access changes as PostgreSQL notifications: NOTIFY inside the changing transaction (so it is
 * sent exactly when the change commits), and one LISTEN connection per instance that clears the
 * access cache. Needs nothing but the database; a lost listener clears the whole cache on reconnect.
 */
@Injectable()
export class PgAccessChanges extends AccessChanges implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('AccessChanges');
  private listener: Client | undefined;
  private stopped = false;

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly dataSource: DataSource,
    private readonly access: CurrentAccess,
  ) {
    super();
  }

  async announce(userId: string): Promise<void> {
    await this.txHost.tx.query(`SELECT pg_notify($1, $2)`, [CHANNEL, userId]);
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.listener?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new Client({ connectionString: url, application_name: 'congocart-access-listener' });
    client.on('notification', (message) => {
      if (message.payload) this.access.forget(message.payload);
    });
    client.on('error', (error) => this.logger.warn(`Access-change listener: ${error.message}`));
    client.on('end', () => {
      if (this.stopped) return;
      this.access.forgetAll();
      setTimeout(() => void this.listen().catch(() => undefined), RECONNECT_MS).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.listener = client;
      this.access.forgetAll(); // anything cached before (re)connecting may have missed a notification
    } catch (error) {
      this.logger.warn(`Access-change listener could not connect: ${(error as Error).message}`);
      await client.end().catch(() => undefined);
    }
  }
}
