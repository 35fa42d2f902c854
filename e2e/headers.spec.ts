import { expect, test } from './support/fixtures';
import { authHeader } from './support/server-env';

test('pages carry a nonce-based CSP that their own scripts satisfy, and say nothing about the stack', async ({ page, event }) => {
  const response = (await page.goto(event.path))!;
  const headers = response.headers();
  const nonce = /'nonce-([^']+)'/.exec(headers['content-security-policy'] ?? '')?.[1];
  expect(nonce).toBeTruthy();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-powered-by']).toBeUndefined();
  // Next stamped its scripts with this response's nonce; the page works (the console check fails on a CSP violation).
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  // Each response has a nonce of its own.
  const again = await page.request.get(event.path);
  expect(again.headers()['content-security-policy']).not.toContain(nonce!);
});

test('API answers are never sniffed as another content type', async ({ request, event }) => {
  const res = await request.get(`/api/events/${event.key}`, { headers: authHeader });
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
});
