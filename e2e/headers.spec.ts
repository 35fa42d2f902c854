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
  // Each response has a nonce of its own, and its page runs under it: the page is rendered once and then served
  // again with each answer's nonce in place of the one it was rendered with.
  const seen = new Set([nonce]);
  for (let load = 0; load < 2; load++) {
    const reloaded = (await page.reload())!;
    const fresh = /'nonce-([^']+)'/.exec(reloaded.headers()['content-security-policy'] ?? '')?.[1];
    expect(seen.has(fresh)).toBe(false);
    seen.add(fresh);
    const html = await reloaded.text();
    expect(html).toContain(`nonce="${fresh}"`);
    expect(html).not.toContain(nonce!);
    await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  }
});

test('a change to the event shows on the next load of its page', async ({ page, event, request }) => {
  await page.goto(event.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/.+/);
  const renamed = await request.post(`/api/events/${event.key}`, { headers: authHeader, data: { name: 'Renamed Night' } });
  expect(renamed.status()).toBe(204);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Renamed Night');
  await expect(page).toHaveTitle('Renamed Night · Tickets');
});

test('API answers are never sniffed as another content type', async ({ request, event }) => {
  const res = await request.get(`/api/events/${event.key}`, { headers: authHeader });
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
});
