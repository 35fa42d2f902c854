import { expect, place, test } from './support/fixtures';
import { authHeader, E2E_COMPANY_ADMIN_KEY } from './support/server-env';

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

test('a buyer sees a seat turn unavailable when another buyer holds it, free when released, and booked when booked', async ({
  openBuyer,
  event,
  allowConsoleErrors,
}) => {
  allowConsoleErrors(/status of 404 \(Not Found\) \(.*\/orders\/T-/);
  const alice = await openBuyer();
  const bob = await openBuyer();
  const seat = 'Section B-E-7';

  await place(alice, seat).click();
  await expect(place(alice, seat)).toHaveAttribute('data-selected', 'true');
  await expect(place(bob, seat)).toHaveAttribute('data-status', 'reservedByToken', { timeout: 1000 });
  await expect(alice.getByTestId('countdown')).toContainText(/Held for you for 1[45]:\d\d/);

  // Bob cannot have it.
  // (force: the seat is aria-disabled, which Playwright would otherwise wait out; a person can still click it.)
  await place(bob, seat).click({ force: true });
  await expect(bob.getByRole('alert').filter({ hasText: 'Section B, row E, seat 7 is not available' })).toBeVisible();
  await expect(place(bob, seat)).not.toHaveAttribute('data-selected', 'true');

  // Alice changes her mind: Bob sees it free again.
  await place(alice, seat).click();
  await expect(place(bob, seat)).toHaveAttribute('data-status', 'free', { timeout: 1000 });

  // Alice holds it again and books it.
  await place(alice, seat).click();
  await expect(place(alice, seat)).toHaveAttribute('data-status', 'reservedByToken');
  await alice.getByRole('button', { name: /^Book 1 place for €65$/ }).click();
  await expect(alice).toHaveURL(new RegExp(`/events/${event.key}/orders/T-`));
  await expect(alice.getByText('Booking confirmed')).toBeVisible();
  const orderId = await alice.getByTestId('order-id').textContent();
  await expect(alice.getByRole('list', { name: 'Booked places' })).toContainText('Section B, row E, seat 7');
  await expect(place(bob, seat)).toHaveAttribute('data-status', 'booked', { timeout: 1000 });
  expect(orderId).toMatch(/^T-/);
  // Someone who knows only the order id sees nothing of it.
  const snoop = await bob.goto(`${event.path}/orders/${orderId}`);
  expect(snoop?.status()).toBe(404);
});

test('a buyer who was too slow is told which seat was taken, and the other seats stay held', async ({ openBuyer, event, request, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 409 \(Conflict\) \(.*\/seats\/hold\)$/);
  const alice = await openBuyer();
  await place(alice, 'Section A-F-3').click();
  await place(alice, 'Section A-F-4').click();
  await expect(alice.locator('[data-pending]')).toHaveCount(0);
  // Someone at the box office sells F-5 while Alice's click on it is on its way to the server.
  await alice.route('**/seats/hold', async (route) => {
    await request.post(`/api/events/${event.key}/actions/book`, {
      headers: authHeader,
      data: { objects: ['Section A-F-5'] },
    });
    await route.continue();
  });
  await place(alice, 'Section A-F-5').click();
  await expect(alice.getByRole('alert').filter({ hasText: 'Section A, row F, seat 5 is no longer available.' })).toBeVisible();
  await expect(place(alice, 'Section A-F-5')).not.toHaveAttribute('data-selected', 'true');
  await expect(place(alice, 'Section A-F-5')).toHaveAttribute('data-status', 'booked');
  await expect(alice.getByRole('list', { name: 'Selected places' }).getByRole('listitem')).toHaveCount(2);
});

test("a buyer's hold expires: both buyers see the seat free and the holder is told why", async ({ openBuyer, event }) => {
  const alice = await openBuyer({ path: `${event.path}?holdSeconds=4` });
  const bob = await openBuyer();
  const seat = 'Section C-B-9';
  await place(alice, seat).click();
  await expect(place(bob, seat)).toHaveAttribute('data-status', 'reservedByToken', { timeout: 1000 });
  await expect(alice.getByRole('alert').filter({ hasText: 'less than a minute' })).toBeVisible();

  await expect(alice.getByRole('alert').filter({ hasText: 'Your hold expired' })).toBeVisible({ timeout: 6000 });
  await expect(place(alice, seat)).not.toHaveAttribute('data-selected', 'true');
  await expect(place(alice, seat)).toHaveAttribute('data-status', 'free', { timeout: 2000 });
  await expect(place(bob, seat)).toHaveAttribute('data-status', 'free', { timeout: 2000 });
});

test('a buyer holds places in the standing area and the best available seats, then books them all', async ({ openBuyer }) => {
  const alice = await openBuyer();
  await place(alice, 'GA1').click();
  const dialog = alice.getByRole('dialog', { name: 'Standing area GA1' });
  await dialog.getByLabel(/How many places/).fill('3');
  await dialog.getByRole('button', { name: 'Hold 3 places' }).click();
  await expect(alice.getByRole('list', { name: 'Selected places' })).toContainText('Standing area GA1 × 3');
  await place(alice, 'B2').click();
  await expect(place(alice, 'B2')).toHaveAttribute('data-selected', 'true');
  // The tick of a selected booth or standing area sits in its corner, clear of its label ("GA1 · 3 selected").
  for (const label of ['GA1', 'B2']) {
    const overlap = await place(alice, label).evaluate((shape, name) => {
      const tick = shape.nextElementSibling!.getBoundingClientRect();
      const text = [...document.querySelectorAll('svg text')].find((t) => t.textContent?.startsWith(name))!.getBoundingClientRect();
      return tick.right > text.left && text.right > tick.left && tick.bottom > text.top && text.bottom > tick.top;
    }, label);
    expect(overlap, `${label}: tick over the label`).toBe(false);
  }
  await place(alice, 'B2').click();
  await expect(place(alice, 'B2')).not.toHaveAttribute('data-selected', 'true');

  await alice.getByLabel('Seats', { exact: true }).selectOption('2');
  await alice.getByLabel('Category').selectOption({ label: 'Standard (€45)' });
  await alice.getByRole('button', { name: 'Find seats' }).click();
  await expect(alice.getByRole('status').filter({ hasText: 'We found' })).toBeVisible();
  await expect(alice.getByRole('list', { name: 'Selected places' }).getByRole('listitem')).toHaveCount(3);
  await expect(alice.locator('[data-selected="true"]')).toHaveCount(3);

  await alice.getByRole('button', { name: /^Book 5 places for €165$/ }).click();
  await expect(alice.getByText('Booking confirmed')).toBeVisible();
  await expect(alice.getByText('Total €165')).toBeVisible();
});

test('a buyer completes a booking using only the keyboard', async ({ openBuyer }) => {
  const alice = await openBuyer();
  await alice.keyboard.press('Tab');
  const focused = alice.locator(':focus');
  await expect(focused).toHaveAttribute('data-object-type', 'seat');
  const first = await focused.getAttribute('data-label');
  await alice.keyboard.press('ArrowRight');
  await alice.keyboard.press('ArrowDown');
  const target = await alice.locator(':focus').getAttribute('data-label');
  expect(target).not.toBe(first);
  await expect(alice.getByRole('tooltip')).toBeVisible();
  // The focus ring: white around a dark seat, in a navy halo against the light background (palette.test.ts checks
  // the contrast of both); never the amber of a selected place.
  await expect(alice.locator(':focus')).toHaveCSS('stroke', 'rgb(255, 255, 255)');
  await expect(alice.locator(':focus')).toHaveCSS('filter', /drop-shadow\(rgb\(15, 23, 42\)/);
  const ring = (await alice.locator(':focus').boundingBox())!;
  await alice.screenshot({ path: 'test-results/focus-ring.png', clip: { x: ring.x - 40, y: ring.y - 40, width: ring.width + 80, height: ring.height + 80 } });
  await alice.keyboard.press('Enter');
  await expect(place(alice, target!)).toHaveAttribute('data-selected', 'true');
  await expect(alice.locator('[data-pending]')).toHaveCount(0);

  for (let i = 0; i < 15; i++) {
    await alice.keyboard.press('Tab');
    if ((await alice.locator(':focus').textContent())?.startsWith('Book 1 place')) break;
  }
  await expect(alice.locator(':focus')).toHaveText(/^Book 1 place/);
  await alice.keyboard.press('Enter');
  await expect(alice.getByText('Booking confirmed')).toBeVisible();
});

test('on a phone a buyer zooms in, selects a seat and books it', async ({ openBuyer }) => {
  const alice = await openBuyer({ context: PHONE });
  const seat = place(alice, 'Section D-C-12');
  const before = await alice.locator('svg[data-live]').getAttribute('viewBox');
  await alice.getByRole('button', { name: 'Zoom in' }).tap();
  await alice.getByRole('button', { name: 'Zoom in' }).tap();
  await expect(alice.locator('svg[data-live]')).not.toHaveAttribute('viewBox', before!);
  await seat.scrollIntoViewIfNeeded();
  // Seats are small on a phone: the first tap may zoom into the section; tap until it is selected.
  for (let i = 0; i < 3 && (await seat.getAttribute('data-selected')) !== 'true'; i++) {
    await seat.tap();
    await alice.waitForTimeout(300);
  }
  await expect(seat).toHaveAttribute('data-selected', 'true');
  // The zoom buttons sit above the chart, not over its places.
  const [controls, chartArea] = [(await alice.getByRole('button', { name: 'Zoom in' }).boundingBox())!, (await alice.locator('svg[data-live]').boundingBox())!];
  expect(controls.y + controls.height).toBeLessThanOrEqual(chartArea.y + 0.5);
  // The sheet is one line and the button: the chart keeps at least two thirds of the screen.
  const sheet = alice.getByRole('complementary', { name: 'Your selection' });
  expect((await sheet.boundingBox())!.height).toBeLessThanOrEqual(844 / 3);
  await expect(sheet.getByRole('heading', { name: /1 place/ })).toBeVisible();
  await expect(sheet.getByRole('list', { name: 'Selected places' })).toBeHidden();
  await alice.screenshot({ path: 'test-results/phone-selected.png' });
  await sheet.getByRole('button', { name: 'Show details' }).tap();
  await expect(sheet.getByRole('list', { name: 'Selected places' })).toBeVisible();
  await alice.screenshot({ path: 'test-results/phone-sheet-open.png' });
  await sheet.getByRole('button', { name: 'Hide details' }).tap();
  await alice.getByRole('button', { name: /^Book 1 place/ }).tap();
  await expect(alice.getByText('Booking confirmed')).toBeVisible();
});

test('a buyer is stopped from leaving a single seat stranded and from taking too many places', async ({ openBuyer }) => {
  const alice = await openBuyer();
  for (const seat of ['Section C-K-2', 'Section C-K-4']) await place(alice, seat).click();
  await expect(alice.getByRole('alert').filter({ hasText: 'Section C, row K, seat 3 would be left alone' })).toBeVisible();
  await expect(alice.getByRole('button', { name: /^Book 2 places/ })).toBeDisabled();
  await place(alice, 'Section C-K-3').click();
  await expect(alice.getByRole('button', { name: /^Book 3 places/ })).toBeEnabled();
  await alice.screenshot({ path: 'test-results/desktop-selected.png' });

  for (let seat = 5; seat <= 11; seat++) await place(alice, `Section C-K-${seat}`).click();
  await expect(alice.locator('[data-selected="true"]')).toHaveCount(10);
  await place(alice, 'Section C-K-12').click();
  await expect(alice.getByRole('alert').filter({ hasText: 'at most 10 places' })).toBeVisible();
  await expect(alice.locator('[data-selected="true"]')).toHaveCount(10);
});

test('a buyer keeps their selection when they reload the page, and can extend the hold once', async ({ openBuyer, event }) => {
  const alice = await openBuyer({ path: `${event.path}?holdSeconds=50` });
  await place(alice, 'Section D-H-8').click();
  await expect(alice.locator('[data-pending]')).toHaveCount(0);
  await alice.reload();
  await expect(place(alice, 'Section D-H-8')).toHaveAttribute('data-selected', 'true');
  await expect(alice.getByRole('list', { name: 'Selected places' })).toContainText('Section D, row H, seat 8');

  await alice.getByRole('button', { name: 'Need more time?' }).click();
  await expect(alice.getByRole('status').filter({ hasText: 'You have 5 more minutes.' })).toBeVisible();
  await expect(alice.getByTestId('countdown')).toContainText(/[45]:\d\d/);
  await expect(alice.getByRole('button', { name: 'Need more time?' })).toHaveCount(0);
});

test('a buyer whose seat is lost at checkout is told which one and why, and keeps the rest', async ({ openBuyer, event, request, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 409 \(Conflict\) \(.*\/seats\/book\)$/);
  const alice = await openBuyer();
  await place(alice, 'Section D-M-20').click();
  await place(alice, 'Section D-M-21').click();
  await expect(alice.locator('[data-pending]')).toHaveCount(0);
  const { token } = JSON.parse((await alice.evaluate((key) => localStorage.getItem(`tessera:hold:${key}`), event.key))!) as { token: string };
  // While Alice's booking is on its way, M-21 slips out of her hold and someone else buys it.
  await alice.route('**/seats/book', async (route) => {
    await request.post(`/api/v1/events/${event.key}/seats/release`, { data: { objectLabels: ['Section D-M-21'], holdToken: token } });
    await request.post(`/api/events/${event.key}/actions/book`, {
      headers: authHeader,
      data: { objects: ['Section D-M-21'] },
    });
    await route.continue();
  });
  await alice.getByRole('button', { name: /^Book 2 places/ }).click();
  await expect(alice.getByRole('alert').filter({ hasText: 'Section D, row M, seat 21 is no longer available.' })).toContainText(
    'your other places are still held for you',
  );
  await expect(alice).toHaveURL(new RegExp(`/events/${event.key}$`));
  await expect(alice.getByRole('list', { name: 'Selected places' }).getByRole('listitem')).toHaveCount(1);
  await expect(place(alice, 'Section D-M-20')).toHaveAttribute('data-selected', 'true');
  await alice.unroute('**/seats/book');
  await alice.getByRole('button', { name: /^Book 1 place/ }).click();
  await expect(alice.getByText('Booking confirmed')).toBeVisible();
});

test('on a phone a buyer pinches to zoom in', async ({ openBuyer }) => {
  const alice = await openBuyer({ context: PHONE });
  const svg = alice.locator('svg[data-live]');
  const width = async () => Number((await svg.getAttribute('viewBox'))!.split(' ')[2]);
  const before = await width();
  const box = (await svg.boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const cdp = await alice.context().newCDPSession(alice);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', spread: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints:
        type === 'touchEnd'
          ? []
          : [
              { x: cx - spread, y: cy, id: 1 },
              { x: cx + spread, y: cy, id: 2 },
            ],
    });
  await touch('touchStart', 20);
  for (let spread = 30; spread <= 120; spread += 10) await touch('touchMove', spread);
  await touch('touchEnd', 0);
  await expect.poll(width).toBeLessThan(before / 2);
});

test("a place's card sits beside the place, never over it; on a phone a tap on a sold place shows why", async ({ openBuyer, request, event }) => {
  const apart = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
  const alice = await openBuyer();
  for (const seat of ['Section A-A-1', 'Section D-O-30']) {
    // Zoomed in far enough to show seats, the card follows the place it describes.
    await place(alice, seat).hover();
    const card = alice.getByRole('tooltip');
    await expect(card).toContainText(seat.replace(/Section (\w)-(\w)-(\d+)/, 'Section $1, row $2, seat $3'));
    const [cardBox, placeBox] = [(await card.boundingBox())!, (await place(alice, seat).boundingBox())!];
    expect(apart(cardBox, placeBox), `${seat}: card over its place`).toBe(true);
    expect(Math.abs(cardBox.x + cardBox.width / 2 - (placeBox.x + placeBox.width / 2)), `${seat}: card far from its place`).toBeLessThan(cardBox.width);
  }

  expect((await request.post(`/api/events/${event.key}/actions/book`, { headers: authHeader, data: { objects: ['Section B-E-9'] } })).status()).toBe(200);
  const bob = await openBuyer({ context: PHONE });
  await expect(place(bob, 'Section B-E-9')).toHaveAttribute('data-status', 'booked');
  // Seats are tiny at first: the first tap zooms to the section; zoomed in further, the next is on the seat.
  await place(bob, 'Section B-E-9').tap({ force: true });
  for (let i = 0; i < 2; i++) await bob.getByRole('button', { name: 'Zoom in' }).tap();
  await place(bob, 'Section B-E-9').tap({ force: true });
  await expect(bob.getByRole('tooltip')).toContainText('Section B, row E, seat 9');
  await expect(bob.getByRole('tooltip')).toContainText('Sold');
  await bob.screenshot({ path: 'test-results/card-on-tap-phone.png' });
});

test('a restricted-view seat is named as such in the selection and on the confirmation', async ({ openBuyer }) => {
  const alice = await openBuyer();
  await place(alice, 'Section A-A-2').click();
  const selection = alice.getByRole('list', { name: 'Selected places' });
  await expect(selection).toContainText('restricted view');
  await alice.getByRole('button', { name: /^Book 1 place/ }).click();
  await expect(alice.getByText('Booking confirmed')).toBeVisible();
  await expect(alice.getByRole('list', { name: 'Booked places' })).toContainText('restricted view');
});

test("a buyer's other tabs of the event know their holds as theirs; another browser sees them held", async ({ openBuyer, event }) => {
  const alice = await openBuyer();
  await place(alice, 'Section C-F-3').click();
  await expect(alice.locator('[data-pending]')).toHaveCount(0);
  // A second tab of the same browser.
  const secondTab = await alice.context().newPage();
  await secondTab.goto(event.path);
  await expect(place(secondTab, 'Section C-F-3')).toHaveAttribute('data-selected', 'true');
  // A hold in either tab shows in the other as the buyer's own.
  await place(secondTab, 'Section C-F-4').click();
  await expect(place(alice, 'Section C-F-4')).toHaveAttribute('data-selected', 'true');
  const bob = await openBuyer();
  await expect(place(bob, 'Section C-F-4')).toHaveAttribute('data-status', 'reservedByToken');
  await expect(place(bob, 'Section C-F-4')).not.toHaveAttribute('data-selected', 'true');
});

test('an event without a name gets a sensible title, and an unknown event explains itself', async ({ page, request, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 404/);
  const key = `nameless-${Date.now()}`;
  expect((await request.post('/api/events', { headers: authHeader, data: { chartKey: 'demo-hall', eventKey: key } })).status()).toBe(200);
  await page.goto(`/events/${key}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose your seats');
  await expect(page).toHaveTitle('Choose your seats · Tickets');
  const missing = await page.goto('/events/no-such-event');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('the legend names every mark the venue uses, and places the buyer cannot have', async ({ openBuyer, event, request }) => {
  const alice = await openBuyer();
  const legend = alice.getByRole('list', { name: 'Legend' });
  for (const entry of ['Your selection', 'Wheelchair space', 'Companion seat', 'Restricted view', 'Held by others', 'Sold'])
    await expect(legend.getByText(entry, { exact: true })).toBeVisible();
  const blocked = await request.post(`/api/events/${event.key}/actions/change-object-status`, {
    headers: authHeader,
    data: { objects: ['Section A-A-1'], status: 'blocked' },
  });
  expect(blocked.ok()).toBe(true);
  await expect(legend.getByText('Sold or unavailable', { exact: true })).toBeVisible();
});

test("an event that sells a chart's whole tables seat by seat, with a category of its own: the buyer page shows the event's venue", async ({
  openBuyer,
  event,
  request,
}) => {
  const change = await request.post(`/api/events/${event.key}`, {
    headers: authHeader,
    data: {
      tableBookingConfig: { mode: 'ALL_BY_SEAT' },
      categories: [{ key: 'vip', label: 'VIP lounge', color: '#7c3aed' }],
      objectCategories: { 'T2-3': 'vip' },
    },
  });
  expect(change.status(), await change.text()).toBe(204);
  const buyer = await openBuyer();
  // The chart sells T2 whole; this event sells its seats, one of them in the event's own category.
  await expect(place(buyer, 'T2-3')).toBeVisible();
  await expect(place(buyer, 'T2')).toHaveCount(0);
  await place(buyer, 'T2-3').click();
  await expect(place(buyer, 'T2-3')).toHaveAttribute('data-selected', 'true');
  await expect(buyer.getByRole('list', { name: 'Selected places' })).toContainText('Table T2, seat 3VIP lounge');
  await expect(buyer.getByRole('list', { name: 'Legend' })).toContainText('VIP lounge');
});

test("a buyer books at another workspace's event that has the same key as one of the default workspace, on that event's own address", async ({
  openBuyer,
  event,
  request,
}) => {
  const basic = (key: string) => ({ authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` });
  const workspace = (await (await request.post('/api/workspaces', { headers: basic(E2E_COMPANY_ADMIN_KEY), data: { name: 'Jazz club' } })).json()) as {
    key: string;
    secretKey: string;
  };
  const seats = Array.from({ length: 6 }, (_, i) => ({ label: String(i + 1), x: 40 + i * 30, y: 60, categoryKey: 1 }));
  const chart = await request.post('/api/charts', {
    headers: basic(workspace.secretKey),
    data: {
      key: 'club',
      name: 'Club',
      categories: { list: [{ key: 1, label: 'Floor', color: '#1d4ed8', accessible: false }] },
      subChart: { rows: [{ label: 'A', seats }], tables: [], booths: [], generalAdmissionAreas: [] },
    },
  });
  expect(chart.status(), await chart.text()).toBe(200);
  // The very key of the test's event in the default workspace: each workspace has its own.
  const created = await request.post('/api/events', {
    headers: basic(workspace.secretKey),
    data: { chartKey: 'club', eventKey: event.key, name: 'Club night', salesSettings: { checkoutMode: 'reservation' } },
  });
  expect(created.status(), await created.text()).toBe(200);

  const buyer = await openBuyer({ path: `${event.path}?workspaceKey=${workspace.key}` });
  await expect(buyer.getByRole('heading', { name: 'Club night' })).toBeVisible();
  await place(buyer, 'A-3').click();
  await expect(place(buyer, 'A-3')).toHaveAttribute('data-selected', 'true');
  await buyer.getByRole('button', { name: /^Book 1 place/ }).click();
  await expect(buyer.getByText('Booking confirmed')).toBeVisible();
  expect(new URL(buyer.url()).searchParams.get('workspaceKey')).toBe(workspace.key);
  await buyer.getByRole('link', { name: 'Back to the seating chart' }).click();
  await expect(place(buyer, 'A-3')).toHaveAttribute('data-status', 'booked');
  // The default workspace's event of the same key is untouched.
  const ours = await request.get(`/api/v1/events/${event.key}`);
  expect(((await ours.json()) as { name: string }).name).toBe('Demo Concert');
});
