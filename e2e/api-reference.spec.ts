import { expect, test } from './support/fixtures';

test('an integrator reads the API reference from the server itself, with nothing fetched from elsewhere', async ({ page, baseURL }) => {
  const elsewhere: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith('data:')) elsewhere.push(r.url());
  });
  await page.goto('/docs/api');
  await expect(page.getByRole('heading', { name: /Tessera API/ })).toBeVisible();
  // Both APIs, each route with its summary; a route opens to its parameters and documented answers.
  await expect(page.getByText('seats.io-compatible API', { exact: true })).toBeVisible();
  await expect(page.getByText('Buyer API', { exact: true })).toBeVisible();
  const hold = page.locator('.opblock').filter({ hasText: '/api/v1/events/{key}/seats/hold' });
  await hold.getByText('Hold places').click();
  await expect(hold.getByText('The key of an event')).toBeVisible();
  await expect(hold.getByText('Some places are taken: none is held')).toBeVisible();
  expect(elsewhere).toEqual([]);
});
