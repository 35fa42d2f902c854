import { expect, place, test } from './support/fixtures';
import { authHeader } from './support/server-env';

test('a visitor sees the demo venue with every kind of place, fetched apart from a small page', async ({ openBuyer, event, request }) => {
  // The page carries the event, not the venue: that comes from a cacheable chart document.
  const html = await (await request.get(event.path)).text();
  expect(html.length).toBeLessThan(60_000);
  expect(html).not.toContain('Section A-C-11');
  const page = await openBuyer();
  await expect(page.locator('[data-object-type="seat"]')).toHaveCount(1800 + 3 * 8);
  await expect(page.locator('[data-object-type="table"]')).toHaveCount(3);
  await expect(page.locator('[data-object-type="booth"]')).toHaveCount(8);
  await expect(page.locator('[data-object-type="generalAdmission"]')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Section A, row C, seat 11, Premium €65, available' })).toHaveAttribute('data-status', 'free');
  await page.screenshot({ path: 'test-results/buyer-chart.png' });
});

test('a visitor sees seats turn held and booked live when an integrator changes them', async ({ openBuyer, event, request }) => {
  const page = await openBuyer();
  const seat = place(page, 'Section B-D-5');
  await expect(seat).toHaveAttribute('data-status', 'free');

  const token = await (await request.post('/api/hold-tokens', { headers: authHeader, data: {} })).json();
  const hold = await request.post(`/api/events/${event.key}/actions/hold`, {
    headers: authHeader,
    data: { objects: ['Section B-D-5'], holdToken: token.holdToken },
  });
  expect(hold.status()).toBe(200);
  await expect(seat).toHaveAttribute('data-status', 'reservedByToken', { timeout: 1000 });

  const book = await request.post(`/api/events/${event.key}/actions/book`, {
    headers: authHeader,
    data: { objects: ['Section B-D-5'], holdToken: token.holdToken },
  });
  expect(book.status()).toBe(200);
  await expect(seat).toHaveAttribute('data-status', 'booked', { timeout: 1000 });

  const ga = place(page, 'GA1');
  await expect(ga).toHaveAccessibleName(/150 places left/);
  await request.post(`/api/events/${event.key}/actions/book`, { headers: authHeader, data: { objects: [{ objectId: 'GA1', quantity: 5 }] } });
  await expect(ga).toHaveAccessibleName(/145 places left/, { timeout: 1000 });
});

test('a visitor who opens the page later sees the current statuses', async ({ openBuyer, event, request }) => {
  await request.post(`/api/events/${event.key}/actions/change-object-status`, { headers: authHeader, data: { objects: ['Section C-A-1'], status: 'blocked' } });
  const page = await openBuyer();
  await expect(place(page, 'Section C-A-1')).toHaveAttribute('data-status', 'blocked');
});
