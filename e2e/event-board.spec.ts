import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, logIn, place, test } from './support/fixtures';

/* An event at the box office: live counts, plan and feed; changes by hand that buyers see; the CSV export. */

test.use({ viewport: { width: 1440, height: 900 } });

async function openBoard(page: Page, eventKey: string) {
  await logIn(page);
  await expect(page).toHaveURL(/\/manage$/);
  await page.goto(`/manage/events/${eventKey}`);
  await expect(page.getByRole('status').filter({ hasText: /^(Live|Connecting…)$/ })).toHaveText('Live');
}

test("the organiser sees a buyer's hold on the plan, in the counts and in the feed within a second, then the booking", async ({ page, request, event }) => {
  await openBoard(page, event.key);
  await expect(page.getByTestId('stat-held')).toContainText('0');
  const feed = page.getByTestId('activity-feed');

  const hold = await request.post(`/api/v1/events/${event.key}/seats/hold`, { data: { objectLabels: ['Section A-A-5', 'Section A-A-6'] } });
  expect(hold.status()).toBe(200);
  const { holdToken } = await hold.json();
  await expect(place(page, 'Section A-A-5')).toHaveAttribute('data-status', 'reservedByToken', { timeout: 1000 });
  await expect(page.getByTestId('stat-held')).toContainText('2', { timeout: 1000 });
  await expect(feed.locator('li').first()).toContainText(/Section A-A-6\s*held\s*Buyer/, { timeout: 1000 });

  const book = await request.post(`/api/v1/events/${event.key}/seats/book`, { data: { objectLabels: ['Section A-A-5', 'Section A-A-6'], holdToken } });
  expect(book.status()).toBe(200);
  await expect(place(page, 'Section A-A-5')).toHaveAttribute('data-status', 'booked', { timeout: 1000 });
  await expect(page.getByTestId('stat-booked')).toContainText('2', { timeout: 1000 });
  await expect(page.getByTestId('stat-held')).toContainText('0');
  await expect(feed.locator('li').first()).toContainText(/Section A-A-6\s*booked/);
  await expect(page.getByRole('figure').getByRole('img')).toHaveAccessibleName(/2 booked in all/);

  // The card tells the organiser whose the place is.
  await place(page, 'Section A-A-5').hover();
  await expect(page.getByTestId('place-details')).toContainText('Status: Booked');

  await page.screenshot({ path: 'test-results/event-board-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.screenshot({ path: 'test-results/event-board-tablet.png', fullPage: true });
});

test('the organiser blocks three seats and an open buyer chart shows them unavailable within a second; undo frees them', async ({ page, event, openBuyer }) => {
  const buyer = await openBuyer();
  await openBoard(page, event.key);
  const seats = ['Section C-C-1', 'Section C-C-2', 'Section C-C-3'];
  for (const label of seats) await place(page, label).click();
  await expect(page.getByTestId('selection-summary')).toContainText('3 places selected');
  await page.getByRole('button', { name: 'Set status' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Set 3 places to Blocked' })).toBeVisible();
  for (const label of seats) await expect(place(buyer, label)).toHaveAttribute('data-status', 'blocked', { timeout: 1000 });
  await expect(place(buyer, seats[0]!)).toHaveAttribute('aria-disabled', 'true');

  await page.getByRole('button', { name: 'Undo: Set 3 places to Blocked' }).click();
  for (const label of seats) await expect(place(buyer, label)).toHaveAttribute('data-status', 'free', { timeout: 1000 });

  // A status of the event's own, with its name and colour: the box office can set it at once.
  const statuses = page.getByRole('region', { name: 'Statuses' });
  await statuses.getByRole('button', { name: 'Add a status' }).click();
  await statuses.getByLabel('Name').nth(1).fill('House seats');
  await statuses.getByLabel('Key').nth(1).fill('house');
  await statuses.getByRole('button', { name: 'Save statuses' }).click();
  await expect(statuses.getByRole('status')).toHaveText('Statuses saved.');
  await place(page, 'Section C-C-4').click();
  await page.getByLabel('Status', { exact: true }).selectOption('house');
  await page.getByRole('button', { name: 'Set status' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Set 1 place to House seats' })).toBeVisible();
  await expect(place(buyer, 'Section C-C-4')).toHaveAttribute('data-status', 'house', { timeout: 1000 });
  await expect(page.getByRole('list', { name: 'Places by status' })).toContainText('House seats');
});

test('a box-office booking with an order id appears in the CSV export with its order id and price; a second one is refused per place', async ({
  page,
  event,
  allowConsoleErrors,
}) => {
  allowConsoleErrors(/status of 409 \(Conflict\)/);
  await openBoard(page, event.key);
  await place(page, 'Section A-A-7').click();
  await page.getByLabel('Order id', { exact: true }).fill('BOX-77');
  await page.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Booked 1 place for order BOX-77' })).toBeVisible();

  await place(page, 'Section A-A-7').click();
  await place(page, 'Section A-A-8').click();
  await page.getByLabel('Order id', { exact: true }).fill('BOX-78');
  await page.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not' })).toContainText('1 place could not be changed; nothing was changed');
  await expect(page.getByTestId('conflicts')).toHaveText('Section A-A-7 is not free');
  await expect(place(page, 'Section A-A-8')).toHaveAttribute('data-status', 'free');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Places CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.split('\n')).toContain('Section A-A-7,seat,Section A,Premium,booked,1,65,,BOX-77,');
});
