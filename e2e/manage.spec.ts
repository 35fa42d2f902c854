import { expect, test } from './support/fixtures';
import { authHeader, E2E_ADMIN_PASSWORD, E2E_SECRET_KEY } from './support/server-env';
import type { Page } from '@playwright/test';

async function logIn(page: Page, password = E2E_ADMIN_PASSWORD) {
  await page.goto('/manage/login');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

test('without logging in, no organiser page or organiser API answers', async ({ page, request, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 401 \(Unauthorized\)/);
  await page.goto('/manage');
  await expect(page).toHaveURL(/\/manage\/login$/);
  const reveal = await request.post('/api/manage/workspace/reveal-secret-key', { data: {} });
  expect(reveal.status()).toBe(401);
  await logIn(page, 'not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong password' })).toBeVisible();
  await expect(page).toHaveURL(/\/manage\/login$/);
});

test('an organiser logs in, sees the events with their sales and the keys, and logs out', async ({ page, request, event, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 401 \(Unauthorized\)/);
  // A buyer holds two places and books one, as the organiser will see.
  const { holdToken } = await (
    await request.post(`/api/v1/events/${event.key}/seats/hold`, { data: { objectLabels: ['Section A-A-1', 'Section A-A-2'] } })
  ).json();
  expect((await request.post(`/api/v1/events/${event.key}/seats/book`, { data: { objectLabels: ['Section A-A-1'], holdToken } })).status()).toBe(200);

  await logIn(page);
  await expect(page).toHaveURL(/\/manage$/);
  const row = page.locator(`tr[data-event="${event.key}"]`);
  await expect(row).toContainText('1 sold · 1 held');
  await expect(row).toContainText('€65');
  await expect(page.getByTestId('secret-key')).toHaveText(/^e2e-••••/);
  await page.getByRole('button', { name: 'Reveal' }).click();
  await expect(page.getByTestId('secret-key')).toHaveText(E2E_SECRET_KEY);
  await page.screenshot({ path: 'test-results/manage-home-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.screenshot({ path: 'test-results/manage-home-tablet.png', fullPage: true });

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/manage\/login$/);
  await page.goto('/manage');
  await expect(page).toHaveURL(/\/manage\/login$/);
});

test("another site's page cannot act with the organiser's session", async ({ page, context }) => {
  await logIn(page);
  await expect(page).toHaveURL(/\/manage$/);
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === 'tessera_manage')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  // The browser's cookie, a foreign Origin, no CSRF token: refused.
  const foreign = await page.request.post('/api/manage/workspace/reveal-secret-key', { data: {}, headers: { origin: 'https://evil.example' } });
  expect(foreign.status()).toBe(403);
  const noToken = await page.request.post('/api/manage/workspace/reveal-secret-key', { data: {} });
  expect(noToken.status()).toBe(403);
  expect(JSON.stringify(await noToken.json())).not.toContain(authHeader.authorization);
});
