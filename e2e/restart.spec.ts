import { expect, place, test } from './support/fixtures';
import { authHeader } from './support/server-env';
import { ServerProcess } from './support/server-process';

test('the server restarts while two buyers have the page open: both reconnect and show the right statuses', async ({
  openBuyer,
  request,
  allowConsoleErrors,
}) => {
  // While the server is down, the pages' reconnection attempts fail, and Chromium logs each one.
  allowConsoleErrors(/WebSocket connection to 'ws:\/\/127\.0\.0\.1:3101\/socket\.io\/.*' failed/);
  const server = new ServerProcess(3101);
  try {
    await server.start();
    const created = await request.post(`${server.baseUrl}/api/events`, { headers: authHeader, data: { chartKey: 'demo-hall', eventKey: 'restart' } });
    expect(created.status()).toBe(200);
    const path = `${server.baseUrl}/events/restart`;
    const alice = await openBuyer({ path });
    const bob = await openBuyer({ path });
    await place(alice, 'Section A-B-5').click();
    await expect(place(bob, 'Section A-B-5')).toHaveAttribute('data-status', 'reservedByToken', { timeout: 1000 });

    await server.kill();
    await expect(bob.getByText('Connection lost. Reconnecting…')).toBeVisible();
    await expect(bob.locator('svg[data-live]')).toHaveAttribute('data-live', 'false');

    await server.start();
    // Booked while the pages were still reconnecting: they only learn it from the fresh snapshot.
    expect(
      (await request.post(`${server.baseUrl}/api/events/restart/actions/book`, { headers: authHeader, data: { objects: ['Section A-B-6'] } })).status(),
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
