import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

export type AfterCommitWork = () => Promise<void> | void;

/**
 * Work that must only happen once the ambient transaction has committed (drop a cache, later:
 * publish an event). Inside a transaction the work waits for the outermost COMMIT and is dropped
 * on ROLLBACK; outside one it runs at once. Either way `run` resolves only after the work is done
 * when it runs now, and the commit itself waits for it, so a use case returns after its effects.
 * A failing piece of work is logged, never turned into a failure of a transaction already committed.
 */
@Injectable()
export class AfterCommit {
  private readonly logger = new Logger('AfterCommit');
  private readonly pending = new WeakMap<QueryRunner, AfterCommitWork[]>();
  private readonly watched = new WeakSet<DataSource>();

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.watch(dataSource);
  }

  async run(work: AfterCommitWork): Promise<void> {
    const runner = this.txHost.isTransactionActive() ? this.txHost.tx.queryRunner : undefined;
    if (!runner?.isTransactionActive) return this.perform([work]);
    // The transaction may run on another DataSource than ours (two app instances in one process
    // share @Transactional's host): listen where the transaction actually commits.
    this.watch(runner.connection);
    const queue = this.pending.get(runner) ?? [];
    queue.push(work);
    this.pending.set(runner, queue);
  }

  private watch(dataSource: DataSource): void {
    if (this.watched.has(dataSource)) return;
    this.watched.add(dataSource);
    dataSource.subscribers.push(this.subscriber());
  }

  private subscriber(): EntitySubscriberInterface {
    // TypeORM reports savepoint releases and rollbacks too; only the outermost end counts.
    return {
      afterTransactionCommit: async ({ queryRunner }: TransactionCommitEvent) => {
        if (queryRunner.isTransactionActive) return;
        const queue = this.pending.get(queryRunner);
        this.pending.delete(queryRunner);
        if (queue) await this.perform(queue);
      },
      afterTransactionRollback: ({ queryRunner }: TransactionRollbackEvent) => {
        if (!queryRunner.isTransactionActive) this.pending.delete(queryRunner);
      },
    };
  }

  private async perform(queue: AfterCommitWork[]): Promise<void> {
    for (const work of queue) {
      try {
        await work();
      } catch (error) {
        this.logger.error({ err: error }, 'After-commit work failed');
      }
    }
  }
}
