import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { NotifyCustomer, SendNotification } from '@congocart/notifications';
import { parseMail } from './support/mime';
import { adminOrder, orderEvent } from './support/order-events';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

const STOREFRONT = 'https://shop.example.com';

describe('e-mail notifications over SMTP', () => {
  let t: TestApp;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      STORE_NAME: 'Congo Test Store',
      MAIL_FROM: 'Congo Test Store <shop@example.com>',
      STOREFRONT_URL: STOREFRONT,
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** Delivers one event and returns the one message it produced (and proves it was only one). */
  async function mailFor(event: ReturnType<typeof orderEvent>) {
    const before = smtp.mails.length;
    expect(await t.app.get(NotifyCustomer).execute(event)).toBe('sent');
    await smtp.waitForCount(before + 1);
    expect(await t.app.get(NotifyCustomer).execute(event)).toBe('duplicate');
    expect(smtp.mails).toHaveLength(before + 1);
    const received = smtp.mails[before];
    return { ...parseMail(received.raw), envelopeTo: received.to, envelopeFrom: received.from };
  }

  function linesOf(text: string): string[] {
    return text.split('\n').map((line) => line.trim());
  }

  const order = adminOrder({ number: 'CC-10042', email: 'Ada@Example.com ' });

  it('sends the order confirmation once, to the order’s address, with the number and lines', async () => {
    const mail = await mailFor(orderEvent('order.placed', order));
    expect(mail.envelopeTo).toEqual(['ada@example.com']);
    expect(mail.envelopeFrom).toBe('shop@example.com');
    expect(mail.subject).toBe('Congo Test Store: order CC-10042 confirmed');
    expect(mail.text).toContain('CC-10042');
    expect(mail.text).toContain('2 × Classic Tee (Medium / Red)');
    expect(mail.text).toContain('$44.97');
    expect(linesOf(mail.text)).toContain(`${STOREFRONT}/orders/${order.id}`);
    expect(mail.html).toContain('CC-10042');
    expect(mail.html).toContain(`href="${STOREFRONT}/orders/${order.id}"`);
  });

  it('sends payment received, cancelled and refunded, each naming the store and order number', async () => {
    const subjects: Record<string, string> = {
      'order.paid': 'Congo Test Store: payment received for order CC-10042',
      'order.cancelled': 'Congo Test Store: order CC-10042 cancelled',
      'order.refunded': 'Congo Test Store: order CC-10042 refunded',
    };
    for (const [type, subject] of Object.entries(subjects)) {
      const mail = await mailFor(orderEvent(type, { ...order, status: type.slice(6) }));
      expect(mail.subject).toBe(subject);
      expect(mail.text).toContain('CC-10042');
    }
  });

  it('sends the shipping notice with carrier and tracking number', async () => {
    const mail = await mailFor(
      orderEvent('order.fulfilled', { ...order, status: 'fulfilled', shipment: { carrier: 'UPS', trackingNumber: '1Z999AA10123456784' } }),
    );
    expect(mail.subject).toBe('Congo Test Store: order CC-10042 has shipped');
    expect(linesOf(mail.text)).toEqual(expect.arrayContaining(['Carrier: UPS', 'Tracking number: 1Z999AA10123456784']));
    expect(mail.html).toContain('1Z999AA10123456784');
  });

  it('sends password reset, e-mail verification and guest order links, each link whole on its own line', async () => {
    const token = 'tok_' + 'x'.repeat(60);
    const send = t.app.get(SendNotification);
    const guest = adminOrder({ number: 'CC-20001', customerId: null });
    const cases = [
      {
        notification: { template: 'password_reset' as const, name: 'Ada', token },
        subject: 'Congo Test Store: reset your password',
        link: `${STOREFRONT}/reset-password?token=${token}`,
      },
      {
        notification: { template: 'email_verification' as const, token },
        subject: 'Congo Test Store: verify your e-mail address',
        link: `${STOREFRONT}/verify-email?token=${token}`,
      },
      {
        notification: {
          template: 'guest_order_link' as const,
          order: { id: guest.id as string, number: 'CC-20001', lines: [], total: { amount: 4497, currency: 'USD' } },
          orderToken: token,
        },
        subject: 'Congo Test Store: your order CC-20001',
        link: `${STOREFRONT}/orders/${guest.id}?token=${token}`,
      },
    ];
    for (const { notification, subject, link } of cases) {
      const before = smtp.mails.length;
      const command = { eventId: randomUUID(), recipient: 'ada@example.com', notification };
      expect(await send.execute(command)).toBe('sent');
      expect(await send.execute(command)).toBe('duplicate');
      await smtp.waitForCount(before + 1);
      expect(smtp.mails).toHaveLength(before + 1);
      const mail = parseMail(smtp.mails[before].raw);
      expect(mail.subject).toBe(subject);
      expect(linesOf(mail.text)).toContain(link);
      expect(mail.html).toContain(`href="${link}"`);
    }
  });

  it('records a failed send and sends on the retry', async () => {
    const before = smtp.mails.length;
    const event = orderEvent('order.paid', adminOrder({ number: 'CC-50005', status: 'paid' }));
    smtp.refuseNext = 1;
    await expect(t.app.get(NotifyCustomer).execute(event)).rejects.toThrow();
    expect(await t.sql(`SELECT status FROM notifications WHERE event_id = $1`, [event.id])).toEqual([{ status: 'failed' }]);
    expect(await t.app.get(NotifyCustomer).execute(event)).toBe('sent');
    expect(smtp.mails).toHaveLength(before + 1);
    expect(await t.sql(`SELECT status, attempts FROM notifications WHERE event_id = $1`, [event.id])).toEqual([
      { status: 'sent', attempts: 2 },
    ]);
  });

  it('sends nothing for events that call for no e-mail', async () => {
    const before = smtp.mails.length;
    expect(await t.app.get(NotifyCustomer).execute(orderEvent('order.delivered', order))).toBe('none');
    expect(await t.app.get(NotifyCustomer).execute(orderEvent('inventory.low_stock', { variantId: randomUUID() }))).toBe('none');
    expect(smtp.mails).toHaveLength(before);
  });

  it('sends once when the same event is notified twice at the same time', async () => {
    const before = smtp.mails.length;
    const event = orderEvent('order.placed', adminOrder({ number: 'CC-30003' }));
    const results = await Promise.all([1, 2, 3, 4].map(() => t.app.get(NotifyCustomer).execute(event)));
    expect(results.sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'sent']);
    expect(smtp.mails.length).toBe(before + 1);
    const rows = await t.sql(`SELECT status, attempts FROM notifications WHERE event_id = $1`, [event.id]);
    expect(rows).toEqual([{ status: 'sent', attempts: 1 }]);
    expect((await t.http.get('/metrics')).text).toMatch(/^emails_total\{template="order_confirmation",outcome="duplicate"\} \d+$/m);
  });
});

describe('e-mail notifications without SMTP_URL', () => {
  let t: TestApp;
  let outbox: string;

  beforeAll(async () => {
    outbox = mkdtempSync(join(tmpdir(), 'congocart-mail-'));
    t = await startTestApp({ MAIL_OUTBOX_DIR: outbox });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  it('writes each message as an .eml file', async () => {
    const event = orderEvent('order.placed', adminOrder({ number: 'CC-40004' }));
    expect(await t.app.get(NotifyCustomer).execute(event)).toBe('sent');
    const files = readdirSync(outbox).filter((file) => file.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const mail = parseMail(readFileSync(join(outbox, files[0]), 'utf8'));
    expect(mail.subject).toBe('CongoCart: order CC-40004 confirmed');
    expect(mail.to).toBe('ada@example.com');
    expect(mail.text).toContain(`http://localhost:3000/orders/${event.data.id}`);
  });
});
