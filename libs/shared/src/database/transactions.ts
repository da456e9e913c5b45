/**
 * The ambient transaction: repositories of any context inject
 * `TransactionHost<TransactionalAdapterTypeOrm>` and use `txHost.tx` (an EntityManager), which
 * joins the transaction opened by the use case's `@Transactional()` without passing it around.
 */
export { Transactional, TransactionHost, Propagation } from '@nestjs-cls/transactional';
export { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
