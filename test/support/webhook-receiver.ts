import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  body: { id: string; type: string; occurredAt: string; data: Record<string, unknown> };
}

/**
 * A webhook receiver on loopback (plain node:http): records every request and answers with the
 * next status of `respondWith` (then `fallbackStatus`). Tests await what they expect to arrive.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  fallbackStatus = 200;
  private readonly statuses: number[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];
  private server: Server;

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    receiver.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const rawBody = Buffer.concat(chunks);
        receiver.received.push({ headers: req.headers, rawBody, body: JSON.parse(rawBody.toString('utf8')) });
        res.statusCode = receiver.statuses.shift() ?? receiver.fallbackStatus;
        res.end('ok');
        receiver.notify();
      });
    });
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  respondWith(...statuses: number[]): void {
    this.statuses.push(...statuses);
  }

  of(eventId: string): ReceivedWebhook[] {
    return this.received.filter((request) => request.headers['webhook-id'] === eventId);
  }

  /** Resolves once `count` requests in all have arrived (the Jest timeout bounds the wait). */
  waitForCount(count: number): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private notify(): void {
    const ready = this.waiters.filter((waiter) => this.received.length >= waiter.count);
    this.waiters = this.waiters.filter((waiter) => this.received.length < waiter.count);
    ready.forEach((waiter) => waiter.resolve());
  }
}
