import { expect, logIn, test } from './support/fixtures';
import { authHeader, E2E_SECRET_KEY } from './support/server-env';

test('without logging in, no organiser page or organiser API answers', async ({ page, request, event, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 401 \(Unauthorized\)/);
  for (const path of ['/manage', `/manage/events/${event.key}`]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/manage\/login$/);
  }
  const reveal = await request.post('/api/manage/workspace/reveal-secret-key', { data: {} });
  expect(reveal.status()).toBe(401);
  const book = await request.post(`/api/manage/events/${event.key}/changes`, {
    data: { steps: [{ action: 'book', places: [{ label: 'Section A-A-1' }], orderId: 'free-seat' }] },
  });
  expect(book.status()).toBe(401);
  for (const path of ['places.csv', 'status-changes.csv', 'places/Section%20A-A-1', 'search?q=A']) {
    expect((await request.get(`/api/manage/events/${event.key}/${path}`)).status()).toBe(401);
  }
  await logIn(page, 'not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong password' })).toBeVisible();
  await expect(page).toHaveURL(/\/manage\/login$/);
});

test('an organiser logs in, sees the events with their sales and the keys, and logs out', async ({ page, request, event, allowConsoleErrors }) => {
  allowConsoleErrors(/status of (401 \(Unauthorized\)|409 \(Conflict\))/);
  // A buyer holds two places and books one, as the organiser will see.
  const { holdToken } = await (
    await request.post(`/api/v1/events/${event.key}/seats/hold`, { data: { objectLabels: ['Section A-A-1', 'Section A-A-2'] } })
  ).json();
  expect((await request.post(`/api/v1/events/${event.key}/seats/book`, { data: { objectLabels: ['Section A-A-1'], holdToken } })).status()).toBe(200);

  await logIn(page);
  await expect(page).toHaveURL(/\/manage$/);
  const row = page.locator(`tr[data-event="${event.key}"]`);
  await expect(row).toContainText('1 sold · 1 held');
  // The counts follow the on-sale without a reload.
  await expect(page.getByRole('status').filter({ hasText: /^(Live|Not live)$/ })).toHaveText('Live');
  await request.post(`/api/v1/events/${event.key}/seats/hold`, { data: { objectLabels: ['Section A-A-3'] } });
  await expect(row).toContainText('1 sold · 2 held', { timeout: 3000 });
  await expect(row).toContainText('€65');
  await expect(page.getByTestId('secret-key')).toHaveText(/^e2e-••••/);
  await page.getByRole('button', { name: 'Reveal' }).click();
  await expect(page.getByTestId('secret-key')).toHaveText(E2E_SECRET_KEY);
  // This server's key comes from TESSERA_SECRET_KEY: rotating it here is refused, saying where to change it.
  await page.getByRole('button', { name: 'Rotate…' }).click();
  await page.getByRole('group', { name: 'Rotate the secret key' }).getByRole('button', { name: 'Rotate now' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'TESSERA_SECRET_KEY' })).toBeVisible();
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

test('an organiser creates an event with prices and ticket types from the screen; buyers see those prices, pick a ticket type and see the total', async ({
  page,
  openBuyer,
  allowConsoleErrors,
}) => {
  allowConsoleErrors(/status of 400 \(Bad Request\) \(.*\/api\/manage\/events\)$/);
  await logIn(page);
  const form = page.getByRole('form', { name: 'New event' });
  const key = `made-${Date.now()}`;
  await form.getByLabel('Name').fill('Made at the box office');
  await form.getByLabel('Date').fill('2027-05-01');
  await form.getByLabel('Key (optional: one is made up)').fill(key);
  await form.getByLabel('Premium').fill('80');
  // Standard is sold at two ticket types: adult (the default) and child.
  await form.getByRole('button', { name: 'Sell Standard at ticket types' }).click();
  const standard = form.getByRole('group', { name: /^Standard: ticket types/ });
  await standard.getByRole('textbox', { name: 'Ticket type 1' }).fill('adult');
  await standard.getByLabel('Price').first().fill('50');
  await standard.getByRole('textbox', { name: 'Ticket type 2' }).fill('child');
  await standard.getByLabel('Price').nth(1).fill('20');
  await form.getByLabel('Checkout', { exact: true }).selectOption('reservation');
  // Wrong settings are named next to their field, and nothing is created.
  await form.getByLabel('Hold (minutes)').fill('45');
  await form.getByRole('button', { name: 'Create event' }).click();
  await expect(form.getByText('must not exceed maxHoldMinutes')).toBeVisible();
  await form.getByLabel('Hold (minutes)').fill('15');
  await form.getByRole('button', { name: 'Create event' }).click();
  await expect(form.getByRole('status')).toHaveText(`Event ${key} created.`);
  await expect(page.locator(`tr[data-event="${key}"]`)).toContainText('Made at the box office');

  const buyer = await openBuyer({ path: `/events/${key}` });
  await expect(buyer.getByRole('list', { name: 'Legend' })).toContainText('Standard€20–€50');
  await buyer.locator('[data-label="Section A-C-11"]').click();
  await buyer.locator('[data-label="Section C-C-11"]').click();
  await expect(buyer.getByRole('button', { name: 'Book 2 places for €130' })).toBeVisible();
  await buyer.getByLabel('Ticket type for Section C, row C, seat 11').selectOption('child');
  await expect(buyer.getByRole('button', { name: 'Book 2 places for €100' })).toBeVisible();
  await buyer.getByRole('button', { name: 'Book 2 places for €100' }).click();
  await expect(buyer.getByText('Booking confirmed')).toBeVisible();
  await expect(buyer.getByRole('list', { name: 'Booked places' })).toContainText('Standard · child€20');
  await expect(buyer.getByText('Total €100')).toBeVisible();
});

test('an organiser imports a chart file, and is told field by field what is wrong with a bad one', async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 400 \(Bad Request\) \(.*\/api\/manage\/charts\)$/);
  await logIn(page);
  const form = page.getByRole('form', { name: 'Import a chart' });
  const chart = {
    name: 'Studio',
    categories: { list: [{ key: 1, label: 'Stalls', color: '#1d4ed8' }] },
    subChart: { rows: [{ label: 'A', seats: [1, 2, 3].map((n) => ({ label: String(n), x: n * 20, y: 20, categoryKey: 1 })) }] },
  };
  const key = `studio-${Date.now()}`;
  await form
    .getByLabel('Chart file (seats.io JSON)')
    .setInputFiles({ name: 'studio.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(chart)) });
  await form.getByLabel('Key (optional)').fill(key);
  await form.getByRole('button', { name: 'Import chart' }).click();
  await expect(form.getByRole('status')).toHaveText(`Imported “Studio” as chart ${key}.`);
  await expect(page.getByRole('row', { name: new RegExp(`Studio ${key}`) })).toContainText('3');

  const broken = { ...chart, subChart: { rows: [{ label: 'A', seats: [{ label: '1', x: 0 }] }] } };
  await form
    .getByLabel('Chart file (seats.io JSON)')
    .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await form.getByRole('button', { name: 'Import chart' }).click();
  await expect(form.getByRole('alert')).toContainText('broken.json is not a valid chart:');
  await expect(form.getByRole('alert')).toContainText('subChart.rows[0].seats[0].y');
});
