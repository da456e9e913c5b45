import { AfterCommit, Propagation, TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { startTestApp, TestApp } from './support/test-app';

describe('the kernel after-commit hook', () => {
  let t: TestApp;
  let after: AfterCommit;
  let txHost: TransactionHost<TransactionalAdapterTypeOrm>;

  beforeAll(async () => {
    t = await startTestApp();
    after = t.app.get(AfterCommit);
    txHost = t.app.get(TransactionHost);
  });
  afterAll(() => t?.close());

  it('runs at once when no transaction is open', async () => {
    const done: string[] = [];
    await after.run(() => void done.push('now'));
    expect(done).toEqual(['now']);
  });

  it('waits for the outermost commit, not a savepoint, and has run when the transaction returns', async () => {
    const done: string[] = [];
    await txHost.withTransaction(async () => {
      await txHost.withTransaction(Propagation.Nested, async () => {
        await txHost.tx.query('SELECT 1');
        await after.run(() => void done.push('inner'));
      });
      expect(done).toEqual([]);
      await after.run(() => void done.push('outer'));
      expect(done).toEqual([]);
    });
    expect(done).toEqual(['inner', 'outer']);
  });

  it('drops the work when the transaction rolls back, and a failing piece does not fail the commit', async () => {
    const done: string[] = [];
    await expect(
      txHost.withTransaction(async () => {
        await after.run(() => void done.push('never'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await txHost.withTransaction(async () => {
      await after.run(() => {
        throw new Error('cache down');
      });
      await after.run(() => void done.push('still runs'));
    });
    expect(done).toEqual(['still runs']);
  });
});
