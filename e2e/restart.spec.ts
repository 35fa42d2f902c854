import { expect, test } from '@playwright/test';
import { openBuyer, place } from './support/buyer';
import { ServerProcess } from './support/server-process';

const auth = { authorization: `Basic ${Buffer.from('e2e-secret-key-0000:').toString('base64')}` };

test('the server restarts while two buyers have the page open: both reconnect and show the right statuses', async ({ browser, request }) => {
  const server = new ServerProcess(3101);
  try {
    await server.start();
    const url = `${server.baseUrl}/events/demo-concert`;
    const alice = await openBuyer(browser, url);
    const bob = await openBuyer(browser, url);
    await place(alice, 'Section A-B-5').click();
    await expect(place(bob, 'Section A-B-5')).toHaveAttribute('data-status', 'reservedByToken', { timeout: 1000 });

    await server.kill();
    await expect(bob.getByText('Connection lost. Reconnecting…')).toBeVisible();
    await expect(bob.locator('svg[data-live]')).toHaveAttribute('data-live', 'false');

    await server.start();
    // Booked while the pages were still reconnecting: they only learn it from the fresh snapshot.
    expect(
      (await request.post(`${server.baseUrl}/api/events/demo-concert/actions/book`, { headers: auth, data: { objects: ['Section A-B-6'] } })).status(),
    ).toBe(200);

    for (const page of [alice, bob]) {
      await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible({ timeout: 10_000 });
      await expect(place(page, 'Section A-B-6')).toHaveAttribute('data-status', 'booked');
      await expect(place(page, 'Section A-B-5')).toHaveAttribute('data-status', 'reservedByToken');
    }
    await expect(place(alice, 'Section A-B-5')).toHaveAttribute('data-selected', 'true');

    // And live updates flow again.
    await place(alice, 'Section A-B-5').click();
    await expect(place(bob, 'Section A-B-5')).toHaveAttribute('data-status', 'free', { timeout: 1000 });
  } finally {
    await server.dispose();
  }
});
