import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_PRICING, expect, place, test } from './support/fixtures';
import { authHeader } from './support/server-env';

/*
 * Handoff: the buyer holds places on Tessera's page, then continues to the venue's own checkout page, which
 * receives the hold as a form POST; the venue's server books after payment with its secret key.
 */

type Received = { holdToken: string; eventKey: string; objectLabels: string[] };

/** The venue's payment page: records each form it receives and answers with a page of its own. */
async function venueCheckout(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      // The browser also asks for a favicon; only the checkout form counts.
      if (req.method === 'POST')
        received.push({ holdToken: form.get('holdToken') ?? '', eventKey: form.get('eventKey') ?? '', objectLabels: form.getAll('objectLabels') });
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Pay</title><h1>Venue payment</h1>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/pay`, received, server };
}

async function handoffEvent(request: import('@playwright/test').APIRequestContext, key: string, checkoutUrl: string | null) {
  const res = await request.post('/api/events', {
    headers: authHeader,
    data: { chartKey: 'demo-hall', eventKey: key, name: 'Handoff Concert', pricing: DEMO_PRICING, salesSettings: { checkoutMode: 'handoff', checkoutUrl } },
  });
  expect(res.status()).toBe(200);
  return `/events/${key}`;
}

test("a buyer continues to the venue's checkout with the hold, and the venue books it after payment", async ({ openBuyer, request, event }) => {
  const venue = await venueCheckout();
  try {
    const path = await handoffEvent(request, `${event.key}-handoff`, venue.url);
    const alice = await openBuyer({ path });
    const bob = await openBuyer({ path });
    for (const seat of ['Section B-C-4', 'Section B-C-5']) await place(alice, seat).click();
    await expect(alice.locator('[data-pending]')).toHaveCount(0);
    await expect(alice.getByRole('button', { name: /^Book/ })).toHaveCount(0);

    await alice.getByRole('button', { name: 'Continue to checkout · €130' }).click();
    await expect(alice.getByRole('heading', { name: 'Venue payment' })).toBeVisible();
    expect(venue.received).toEqual([
      { holdToken: expect.stringMatching(/^[\w-]{22}$/), eventKey: `${event.key}-handoff`, objectLabels: ['Section B-C-4', 'Section B-C-5'] },
    ]);

    // Paid: the venue's server books with its secret key and the buyer's hold token.
    const { holdToken } = venue.received[0]!;
    const booked = await request.post(`/api/events/${event.key}-handoff/actions/book`, {
      headers: authHeader,
      data: { objects: ['Section B-C-4', 'Section B-C-5'], holdToken, orderId: 'venue-order-1' },
    });
    expect(booked.status()).toBe(200);
    await expect(place(bob, 'Section B-C-4')).toHaveAttribute('data-status', 'booked');
  } finally {
    venue.server.close();
  }
});

test('a buyer is told when an event has no checkout set up yet, and can still hold places', async ({ openBuyer, request, event }) => {
  const alice = await openBuyer({ path: await handoffEvent(request, `${event.key}-unset`, null) });
  await place(alice, 'Section C-D-7').click();
  await expect(place(alice, 'Section C-D-7')).toHaveAttribute('data-selected', 'true');
  await expect(alice.getByRole('status').filter({ hasText: 'Checkout is not set up for this event yet.' })).toBeVisible();
  await expect(alice.getByRole('button', { name: /checkout|^Book/i })).toHaveCount(0);
});
