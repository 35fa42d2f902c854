import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { authHeader, E2E_ADMIN_PASSWORD } from './server-env';

/*
 * What every e2e spec stands on: an event of its own on the demo venue, buyers in browsers of their own, and a
 * check after each test that no page logged an error it did not expect.
 */

/** An event created for one test through the seats.io API, on the seeded demo chart with its prices. */
export type TestEvent = { key: string; path: string };

export const DEMO_PRICING = { currency: 'EUR', prices: { '1': 65, '2': 45, '3': 25 } };

type Fixtures = {
  event: TestEvent;
  /** Opens a buyer in a browser context of their own (own storage), on `path` (the test's event by default). */
  openBuyer: (options?: { path?: string; context?: BrowserContextOptions }) => Promise<Page>;
  /** Errors a page of this test may log: a refused request, for one, logs one in Chromium's console. */
  allowConsoleErrors: (pattern: RegExp) => void;
};

type ConsoleWatch = { errors: string[]; allowed: RegExp[] };

export const test = base.extend<Fixtures & { consoleWatch: ConsoleWatch }>({
  // Every test, whether it asks for it or not: fails on any browser console error it did not allow.
  consoleWatch: [
    async ({}, use) => {
      const watch: ConsoleWatch = { errors: [], allowed: [] };
      await use(watch);
      expect(
        watch.errors.filter((e) => !watch.allowed.some((p) => p.test(e))),
        'errors in the browser console',
      ).toEqual([]);
    },
    { auto: true },
  ],
  allowConsoleErrors: async ({ consoleWatch }, use) => {
    await use((pattern) => consoleWatch.allowed.push(pattern));
  },
  event: async ({ request }, use) => {
    const key = `e2e-${randomBytes(5).toString('hex')}`;
    const res = await request.post('/api/events', {
      headers: authHeader,
      // A reservation, as the demo is: these specs book with the buyer's token (handoff has a spec of its own).
      data: { chartKey: 'demo-hall', eventKey: key, name: 'Demo Concert', pricing: DEMO_PRICING, salesSettings: { checkoutMode: 'reservation' } },
    });
    expect(res.status(), await res.text()).toBe(200);
    await use({ key, path: `/events/${key}` });
  },
  page: async ({ page, consoleWatch }, use) => {
    watch(page, consoleWatch.errors);
    await use(page);
  },
  openBuyer: async ({ browser, event, consoleWatch }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async ({ path = event.path, context: options = {} } = {}) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      watch(page, consoleWatch.errors);
      await page.goto(path);
      await expectLive(page);
      return page;
    });
    for (const context of contexts) await context.close();
  },
});

/** The page's connection status says Live: it has its snapshot and hears every change. */
export async function expectLive(page: Page): Promise<void> {
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /Live|Connecting|Reconnecting/ })
      .first(),
  ).toHaveText('Live');
}

function watch(page: Page, errors: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
}

export { expect };

export function place(page: Page, label: string) {
  return page.locator(`[data-label="${label}"]`);
}

/** Signs the page in at the box office. */
export async function logIn(page: Page, password = E2E_ADMIN_PASSWORD) {
  await page.goto('/manage/login');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}
