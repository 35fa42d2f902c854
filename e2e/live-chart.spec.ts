import { expect, test, type Page } from '@playwright/test';
import { E2E_SECRET_KEY } from '../playwright.config';

const auth = { authorization: `Basic ${Buffer.from(`${E2E_SECRET_KEY}:`).toString('base64')}` };

async function openDemo(page: Page) {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('/events/demo-concert');
  await expect(page.getByRole('status')).toHaveText('Live');
  return errors;
}

test('a visitor sees the demo venue with every kind of place', async ({ page }) => {
  const errors = await openDemo(page);
  await expect(page.locator('[data-object-type="seat"]')).toHaveCount(1800 + 3 * 8);
  await expect(page.locator('[data-object-type="table"]')).toHaveCount(3);
  await expect(page.locator('[data-object-type="booth"]')).toHaveCount(8);
  await expect(page.locator('[data-object-type="generalAdmission"]')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Section A, row C, seat 11, Premium €65, available' })).toHaveAttribute('data-status', 'free');
  await page.screenshot({ path: 'test-results/buyer-chart.png' });
  expect(errors).toEqual([]);
});

test('a visitor sees seats turn held and booked live when an integrator changes them', async ({ page, request }) => {
  await openDemo(page);
  const seat = page.locator('[data-label="Section B-D-5"]');
  await expect(seat).toHaveAttribute('data-status', 'free');

  const token = await (await request.post('/api/hold-tokens', { headers: auth, data: {} })).json();
  const hold = await request.post('/api/events/demo-concert/actions/hold', { headers: auth, data: { objects: ['Section B-D-5'], holdToken: token.holdToken } });
  expect(hold.status()).toBe(200);
  await expect(seat).toHaveAttribute('data-status', 'reservedByToken', { timeout: 1000 });

  const book = await request.post('/api/events/demo-concert/actions/book', { headers: auth, data: { objects: ['Section B-D-5'], holdToken: token.holdToken } });
  expect(book.status()).toBe(200);
  await expect(seat).toHaveAttribute('data-status', 'booked', { timeout: 1000 });

  const ga = page.locator('[data-label="GA1"]');
  const left = Number((await ga.getAttribute('aria-label'))!.match(/(\d+) places left/)![1]);
  await request.post('/api/events/demo-concert/actions/book', { headers: auth, data: { objects: [{ objectId: 'GA1', quantity: 5 }] } });
  await expect(ga).toHaveAccessibleName(new RegExp(`${left - 5} places left`), { timeout: 1000 });
});

test('a visitor who opens the page later sees the current statuses', async ({ page, request }) => {
  await request.post('/api/events/demo-concert/actions/change-object-status', { headers: auth, data: { objects: ['Section C-A-1'], status: 'blocked' } });
  await openDemo(page);
  await expect(page.locator('[data-label="Section C-A-1"]')).toHaveAttribute('data-status', 'blocked');
});
