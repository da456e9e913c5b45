import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { seedDemoData } from '../apps/api/src/seed/demo-seed';
import { DEMO_ACCOUNTS } from '../apps/api/src/seed/demo-seed';
import { assertContract } from './support/contract';
import { startTestApp, TestApp } from './support/test-app';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

if (!available && process.env.CI === 'true') {
  test('Swagger UI browser test', () => {
    throw new Error(`${CHROMIUM} is missing: CI runs the browser test (apt-get install -y chromium)`);
  });
} else if (!available) {
  console.warn(`Skipping the Swagger UI browser test: ${CHROMIUM} is missing (apt-get install -y chromium).`);
}

/** QA's path through /docs, in a real browser: every field left as Swagger UI offers it. */
(available ? describe : describe.skip)('Swagger UI: a shopper’s path as QA follows it', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.app, { products: 240, accounts: true, log: () => undefined });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--headless'],
    });
    page = await browser.newPage();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Expands an operation, executes it with what the UI offers (after `edit`), and returns the checked response. */
  async function execute(operationId: string, tag: string, path: string, edit?: (operation: ReturnType<Page['locator']>) => Promise<void>) {
    const operation = page.locator(`#operations-${tag}-${operationId}`);
    if (!(await operation.locator('.execute').isVisible())) {
      await operation.locator('.opblock-summary').first().click();
      const tryItOut = operation.locator('.try-out__btn');
      if ((await tryItOut.isVisible()) && (await tryItOut.innerText()).includes('Try it out')) await tryItOut.click();
    }
    if (edit) await edit(operation);
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => new URL(candidate.url()).pathname === path && candidate.request().method() !== 'OPTIONS'),
      operation.locator('.execute').first().click(),
    ]);
    return checked(response);
  }

  async function checked(response: Response) {
    const text = await response.text();
    const headers = new Headers(await response.allHeaders());
    const body = text && /json/.test(headers.get('content-type') ?? '') ? JSON.parse(text) : text || undefined;
    assertContract(response.request().method(), new URL(response.url()).pathname, { status: response.status(), headers, body, text });
    return { status: response.status(), body, request: response.request() };
  }

  it('signs in, authorizes, and checks out twice as offered: two different orders', async () => {
    const customer = DEMO_ACCOUNTS.find((account) => account.role === 'customer')!;
    await page.goto(`${t.baseUrl}/docs`);
    await page.locator('.opblock-tag-section').first().waitFor();
    // Tags in the order a shopper meets them; a filter box.
    const tags = await page.locator('.opblock-tag-section h3 .nostyle span').allInnerTexts();
    expect(tags.slice(0, 7)).toEqual(['catalog', 'guest-carts', 'cart', 'checkout', 'guest-checkout', 'guest-orders', 'orders']);
    expect(tags.indexOf('auth')).toBeLessThan(tags.indexOf('admin-catalog'));
    await expect(page.locator('.operation-filter-input').count()).resolves.toBe(1);

    const signedIn = await execute('Auth_login', 'auth', '/api/v1/auth/login', async (operation) => {
      await operation.locator('textarea.body-param__text').fill(JSON.stringify({ email: customer.email, password: customer.password }));
    });
    expect(signedIn.status).toBe(200);

    await page.locator('.auth-wrapper .authorize').click();
    const bearer = page.locator('.modal-ux .auth-container').filter({ hasText: 'bearer' });
    await bearer.locator('input').fill(signedIn.body.accessToken);
    await bearer.locator('button.authorize').click();
    await page.locator('.modal-ux button.btn-done').first().click();

    const orders: string[] = [];
    for (let round = 0; round < 2; round += 1) {
      const added = await execute('Cart_addItem', 'cart', '/api/v1/cart/items');
      expect([added.status, added.body.items?.[0]?.variantId]).toEqual([200, '8a664d33-6415-41c0-8c0f-a6150dec7446']);
      const placed = await execute('Checkout_checkout', 'checkout', '/api/v1/checkout');
      expect(placed.status).toBe(201);
      expect(placed.request.headers()['idempotency-key']).toMatch(UUID);
      orders.push(placed.body.id);
    }
    expect(new Set(orders).size).toBe(2);
    const [{ count }] = await t.sql<{ count: string }>(`SELECT count(*) FROM orders WHERE id = ANY($1::uuid[])`, [orders]);
    expect(Number(count)).toBe(2);
  }, 120_000);

  it('takes the guest cart token once (Authorize: cartToken) for every guest-cart call', async () => {
    const created = await execute('GuestCarts_create', 'guest-carts', '/api/v1/carts');
    expect(created.status).toBe(201);
    await page.locator('.auth-wrapper .authorize').click();
    const cartToken = page.locator('.modal-ux .auth-container').filter({ hasText: 'cartToken' });
    await cartToken.locator('input').fill(created.body.token);
    await cartToken.locator('button.authorize').click();
    await page.locator('.modal-ux button.btn-done').first().click();

    const fillId = async (operation: ReturnType<Page['locator']>) => {
      await operation.locator('tr[data-param-name="id"] input').fill(created.body.id);
    };
    const added = await execute('GuestCarts_addItem', 'guest-carts', `/api/v1/carts/${created.body.id}/items`, fillId);
    expect([added.status, added.request.headers()['x-cart-token']]).toEqual([200, created.body.token]);
    const read = await execute('GuestCarts_get', 'guest-carts', `/api/v1/carts/${created.body.id}`, fillId);
    expect([read.status, read.body.itemCount]).toEqual([200, 1]);

    // Authorization is kept across a reload (persistAuthorization): QA does not sign in again.
    await page.reload();
    await page.locator('.opblock-tag-section').first().waitFor();
    const kept = JSON.parse(
      (await page.evaluate(() =>
        (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('authorized'),
      )) ?? '{}',
    );
    expect(Object.keys(kept).sort()).toEqual(['bearer', 'cartToken']);
    const again = await execute('GuestCarts_get', 'guest-carts', `/api/v1/carts/${created.body.id}`, fillId);
    expect([again.status, again.request.headers()['x-cart-token']]).toEqual([200, created.body.token]);
  }, 60_000);
});
