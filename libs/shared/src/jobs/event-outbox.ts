import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { DomainEvent } from './domain-event';
import { FAN_OUT_QUEUE } from './fan-out-queue';
import { JobQueue } from './job-queue';
import { prepared, runPrepared } from '../database/prepared-statement';

const RECORD_EVENT = prepared(`INSERT INTO domain_events (id, type, occurred_at, data) VALUES ($1, $2, $3, $4)`);

/**
 * Records an event inside the ambient business transaction: the row in `domain_events` and its
 * fan-out job are written on the transaction's own connection, so they commit or roll back with
 * the change. Repositories call it from the same save that stores the change.
 */
@Injectable()
export class EventOutbox {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly queue: JobQueue,
  ) {}

  async record<T>(type: string, data: T, occurredAt: Date = new Date(), sealed?: Record<string, string>): Promise<DomainEvent<T>> {
    const event: DomainEvent<T> = { id: randomUUID(), type, occurredAt: occurredAt.toISOString(), data, ...(sealed ? { sealed } : {}) };
    const tx = this.txHost.tx;
    await runPrepared(tx, RECORD_EVENT, [event.id, event.type, event.occurredAt, JSON.stringify(event.data)]);
    const onThisTransaction = {
      executeSql: async (text: string, values: unknown[]) => ({ rows: (await tx.query(text, values)) as unknown[] }),
    };
    const jobId = await this.queue.boss.send(FAN_OUT_QUEUE, event as object, { id: event.id, db: onThisTransaction });
    // pg-boss drops a job for an unknown queue silently; a change without its event must not commit.
    if (!jobId) throw new Error(`The ${FAN_OUT_QUEUE} queue is missing: event ${type} not enqueued`);
    return event;
  }
}
