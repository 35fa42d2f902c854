import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';

/** A buyer: their own browser context (own cookies and sessionStorage), on an event page that is live. */
export async function openBuyer(browser: Browser, path = '/events/demo-concert', options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { consoleErrors: string[] }).consoleErrors = errors;
  await page.goto(path);
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /Live|Connecting|Reconnecting/ })
      .first(),
  ).toHaveText('Live');
  return page;
}

export function place(page: Page, label: string) {
  return page.locator(`[data-label="${label}"]`);
}

export function consoleErrors(page: Page): string[] {
  return (page as Page & { consoleErrors: string[] }).consoleErrors;
}
