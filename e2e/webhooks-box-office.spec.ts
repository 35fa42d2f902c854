import { createServer, type IncomingHttpHeaders } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { expect, logIn, test } from './support/fixtures';
import { authHeader } from './support/server-env';

type Received = { headers: IncomingHttpHeaders; body: string };

test('an organiser adds a webhook from the box office, tests it, reads its deliveries, disables and deletes it', async ({ page, request, event }) => {
  const received: Received[] = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => (received.push({ headers: req.headers, body }), res.writeHead(204).end()));
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks`;
  try {
    await logIn(page);
    const panel = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Webhooks', exact: true }) });
    await panel.getByLabel('Address (https)').fill(url);
    await panel.getByRole('checkbox', { name: 'all of these' }).uncheck();
    await panel.getByRole('checkbox', { name: 'places booked' }).check();
    await panel.getByLabel('Description (optional)').fill('Ticket shop');
    await panel.getByRole('button', { name: 'Add webhook' }).click();
    await expect(panel.getByRole('status')).toContainText('Its signing secret, shown only now');
    const secret = (await panel.getByTestId('webhook-secret').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    const row = panel.locator('li').filter({ hasText: url });
    await expect(row).toContainText('Ticket shop');
    await expect(row).toContainText('Enabled');

    // A test message, then a booking: both arrive, verified with the secret the screen showed.
    await row.getByRole('button', { name: 'Send test' }).click();
    await expect(panel.getByRole('status')).toContainText('Test message queued');
    await expect.poll(() => received.length).toBe(1);
    expect((await request.post(`/api/events/${event.key}/actions/book`, { headers: authHeader, data: { objects: ['Section A-B-1'] } })).status()).toBe(200);
    await expect.poll(() => received.length).toBe(2);
    const messages = received.map(
      (r) => new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as { type: string; data: Record<string, unknown> },
    );
    expect(messages.map((m) => m.type)).toEqual(['webhook.test', 'seat.booked']);
    expect(messages[1]!.data).toMatchObject({ eventKey: event.key, objectLabel: 'Section A-B-1', status: 'booked' });

    await row.getByRole('button', { name: 'Deliveries' }).click();
    await expect(row.locator('[data-delivery-status="delivered"]')).toHaveCount(2);
    await page.screenshot({ path: 'test-results/webhooks-box-office-desktop.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/webhooks-box-office-phone.png' });

    await row.getByRole('button', { name: 'Disable' }).click();
    await expect(row).toContainText('Disabled');
    await row.getByRole('button', { name: 'Delete…' }).click();
    await row.getByRole('group', { name: 'Delete the webhook' }).getByRole('button', { name: 'Delete now' }).click();
    await expect(panel.getByRole('status')).toContainText('deleted');
    await expect(row).toHaveCount(0);
  } finally {
    await new Promise<void>((r) => receiver.close(() => r()));
  }
});
