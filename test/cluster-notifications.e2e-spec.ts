import { PostgresClusterNotifications } from '@congocart/shared';
import { startTestApp, TestApp } from './support/test-app';
import { until } from './support/until';

/** Cluster notifications over PostgreSQL LISTEN/NOTIFY between two processes' worth of clients. */
describe('cluster notifications on PostgreSQL', () => {
  let t: TestApp;
  let sender: PostgresClusterNotifications;
  let receiver: PostgresClusterNotifications;
  const received: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    sender = new PostgresClusterNotifications(t.databaseUrl);
    receiver = new PostgresClusterNotifications(t.databaseUrl);
    await receiver.subscribe('test_burst', (message) => received.push(message));
  });
  afterAll(async () => {
    await sender?.onApplicationShutdown();
    await receiver?.onApplicationShutdown();
    await t?.close();
  });
  beforeEach(() => received.splice(0));

  it('sends a burst of identical messages published together once, and each distinct message', async () => {
    await Promise.all([
      ...Array.from({ length: 100 }, () => sender.publish('test_burst', 'products')),
      sender.publish('test_burst', 'listings'),
    ]);
    await until(async () => received.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 200)); // nothing more is on its way
    expect(received.sort()).toEqual(['listings', 'products']);
  });

  it('sends again for a message published after the previous one left', async () => {
    await sender.publish('test_burst', 'products');
    await sender.publish('test_burst', 'products');
    await until(async () => received.length >= 2);
    expect(received).toEqual(['products', 'products']);
  });
});
