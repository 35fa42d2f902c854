import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustProxy, type TrustProxy } from '../client-address';
import { seedSmallVenue, startTestServer, type TestServer } from '../../testing/test-server';

/*
 * The trust model of the buyer API, from the attacker's side: what an anonymous client (no secret key) may NOT do.
 * Each test reproduces an abuse, asserts the refusal in the dialect's shape, and that nothing changed.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ holdRateLimit: { perMinute: 1_000_000, burst: 1_000_000 } });
  await seedSmallVenue(server.app, ['handoff', 'reservation', 'limits', 'other'], 10);
  for (const key of ['reservation', 'limits', 'other']) {
    const res = await server.api(`/events/${key}`, {
      json: { salesSettings: { checkoutMode: 'reservation', maxPlacesPerOrder: 4, holdMinutes: 10, maxHoldMinutes: 20 } },
    });
    expect(res.status).toBe(204);
  }
});
afterAll(() => server.stop());

const anonymous = (path: string, json: unknown) => server.api(`/v1${path}`, { json, secretKey: null });

async function anonymousHold(eventKey: string, objectLabels: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const res = await anonymous(`/events/${eventKey}/seats/hold`, { objectLabels, ...extra });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { holdToken: string }).holdToken;
}

/** Expects `attempt` to be refused with `status` and `body`, changing nothing. */
async function expectRefused(attempt: () => Promise<Response>, status: number, body: unknown) {
  const before = await server.fingerprint();
  const res = await attempt();
  expect([res.status, await res.json()]).toEqual([status, body]);
  expect(await server.fingerprint()).toEqual(before);
}

describe('places per order', () => {
  it('refuses more places on one token than the event allows, counting across requests, GA places and whole tables', async () => {
    const tooMany = { error: 'One or more seats are not available', failed: expect.arrayContaining([expect.objectContaining({ reason: 'too_many_places' })]) };
    // In one request: five seats where four are allowed.
    await expectRefused(() => anonymous('/events/limits/seats/hold', { objectLabels: ['A-1', 'A-2', 'A-3', 'A-4', 'A-5'] }), 409, tooMany);
    // Across requests on one token.
    const token = await anonymousHold('limits', ['A-2', 'A-3', 'A-4']);
    await expectRefused(() => anonymous('/events/limits/seats/hold', { objectLabels: ['A-5', 'A-6'], holdToken: token }), 409, tooMany);
    // General-admission places count one by one.
    await expectRefused(() => anonymous('/events/limits/seats/hold', { objectLabels: ['GA1'], quantities: { GA1: 2 }, holdToken: token }), 409, tooMany);
    // A table sold whole counts its two seats.
    await expectRefused(() => anonymous('/events/limits/seats/hold', { objectLabels: ['T2'], holdToken: token }), 409, tooMany);
    // Up to the limit is fine.
    expect((await anonymous('/events/limits/seats/hold', { objectLabels: ['A-5'], holdToken: token })).status).toBe(200);
  });

  it('lets the venue (secret key) hold without that limit', async () => {
    const res = await server.api('/v1/events/limits/seats/hold', { json: { objectLabels: ['B-1', 'B-2', 'B-3', 'B-4', 'B-5', 'B-6'] } });
    expect(res.status).toBe(200);
  });
});

describe('hold duration', () => {
  it("refuses an anonymous hold longer than the event's hold time, 2 hours included", async () => {
    for (const ttlSeconds of [601, 7200]) {
      await expectRefused(() => anonymous('/events/limits/seats/hold', { objectLabels: ['B-7'], ttlSeconds }), 400, {
        statusCode: 400,
        message: 'Invalid request',
        errors: { ttlSeconds: ['a hold lasts at most 600 seconds'] },
      });
    }
    const res = await anonymous('/events/limits/seats/hold', { objectLabels: ['B-7'], ttlSeconds: 60 });
    expect(Date.parse(((await res.json()) as { expiresAt: string }).expiresAt) - Date.now()).toBeLessThanOrEqual(60_000);
  });

  it('extends only to make a hold longer, and never beyond the maximum', async () => {
    const token = await anonymousHold('limits', ['B-8']);
    await expectRefused(() => anonymous(`/hold-tokens/${token}/extend`, { ttlSeconds: 60 }), 400, {
      statusCode: 400,
      message: 'Invalid request',
      errors: { ttlSeconds: ['an extension must make the hold last longer'] },
    });
    await expectRefused(() => anonymous(`/hold-tokens/${token}/extend`, { ttlSeconds: 21 * 60 }), 400, {
      statusCode: 400,
      message: 'Invalid request',
      errors: { ttlSeconds: ['a hold lasts at most 1200 seconds in all'] },
    });
    expect((await anonymous(`/hold-tokens/${token}/extend`, { ttlSeconds: 15 * 60 })).status).toBe(200);
  });
});

describe('checkout', () => {
  it("refuses to book with the buyer's token alone when the venue's checkout takes the payment (handoff)", async () => {
    const token = await anonymousHold('handoff', ['A-1']);
    await expectRefused(() => anonymous('/events/handoff/seats/book', { objectLabels: ['A-1'], holdToken: token }), 403, {
      statusCode: 403,
      message: "This event's checkout is the venue's: continue to its checkout page to book",
    });
    // The venue's server books after payment, with the secret key and the buyer's token.
    const booked = await server.client.events.book('handoff', ['A-1'], token, 'paid-1');
    expect(booked.objects['A-1']).toMatchObject({ status: 'booked', orderId: 'paid-1' });
  });

  it('refuses an order id or extra data from an anonymous buyer, naming them', async () => {
    const token = await anonymousHold('reservation', ['A-2']);
    await expectRefused(
      () => anonymous('/events/reservation/seats/book', { objectLabels: ['A-2'], holdToken: token, orderId: 'existing-order', extraData: { x: 1 } }),
      400,
      {
        statusCode: 400,
        message: 'Invalid request',
        errors: { orderId: ['only the venue (secret key) may set this'], extraData: ['only the venue (secret key) may set this'] },
      },
    );
  });
});

describe("the venue's hold tokens", () => {
  it('are never accepted from an anonymous buyer to book, extend or read', async () => {
    const { holdToken } = await server.client.holdTokens.create();
    await server.client.events.hold('reservation', ['B-1'], holdToken);
    await expectRefused(() => anonymous('/events/reservation/seats/book', { objectLabels: ['B-1'], holdToken }), 409, {
      error: 'One or more seats are no longer held by this token',
      failed: [{ objectLabel: 'B-1', reason: 'hold_token_invalid' }],
    });
    const notFound = { statusCode: 404, message: 'Hold token not found or expired' };
    await expectRefused(() => anonymous(`/hold-tokens/${holdToken}/extend`, { ttlSeconds: 600 }), 404, notFound);
    await expectRefused(() => server.api(`/v1/hold-tokens/${holdToken}`, { secretKey: null }), 404, notFound);
  });

  it("hold and release for the one client that presents one first (an embedded chart's manual session), within the buyer's limits", async () => {
    const venue = await startTestServer({ trustProxy: parseTrustProxy('127.0.0.1') as TrustProxy, placesPerClient: 3 });
    try {
      await seedSmallVenue(venue.app, ['manual'], 10);
      await venue.api('/events/manual', { json: { salesSettings: { checkoutMode: 'reservation', maxPlacesPerOrder: 2 } } });
      const { holdToken } = await venue.client.holdTokens.create();
      const as = (client: string, action: string, json: Record<string, unknown>) =>
        venue.api(`/v1/events/manual/seats/${action}`, { json, secretKey: null, headers: { 'x-forwarded-for': client } });
      const [alice, mallory] = ['198.51.100.1', '198.51.100.2'];
      const refused = async (attempt: () => Promise<Response>, body: unknown) => {
        const before = await venue.fingerprint();
        const res = await attempt();
        expect([res.status, await res.json()]).toEqual([409, body]);
        expect(await venue.fingerprint()).toEqual(before);
      };

      expect((await as(alice, 'hold', { objectLabels: ['B-1'], holdToken })).status).toBe(200);
      // Claimed by Alice's client: nobody else holds or releases with it.
      await refused(() => as(mallory, 'hold', { objectLabels: ['B-2'], holdToken }), {
        error: 'One or more seats are not available',
        failed: [{ objectLabel: 'B-2', reason: 'hold_token_invalid' }],
      });
      await refused(() => as(mallory, 'release', { objectLabels: ['B-1'], holdToken }), {
        error: 'One or more seats are neither held nor booked',
        failed: [{ objectLabel: 'B-1', reason: 'hold_token_invalid' }],
      });
      expect((await as(alice, 'release', { objectLabels: ['B-1'], holdToken })).status).toBe(200);
      expect((await as(alice, 'hold', { objectLabels: ['B-1', 'B-2'], holdToken })).status).toBe(200);
      // The event's places per order, and the client's places across its tokens, count the venue's token too.
      await refused(() => as(alice, 'hold', { objectLabels: ['B-3'], holdToken }), {
        error: 'One or more seats are not available',
        failed: [{ objectLabel: 'B-3', reason: 'too_many_places' }],
      });
      expect((await as(alice, 'hold', { objectLabels: ['B-3'] })).status).toBe(200);
      await refused(() => as(alice, 'hold', { objectLabels: ['B-4'] }), {
        error: 'One or more seats are not available',
        failed: [{ objectLabel: 'B-4', reason: 'too_many_places_for_client' }],
      });
      // Booking is the venue's, after payment.
      await refused(() => as(alice, 'book', { objectLabels: ['B-1', 'B-2'], holdToken }), {
        error: 'One or more seats are no longer held by this token',
        failed: [
          { objectLabel: 'B-1', reason: 'hold_token_invalid' },
          { objectLabel: 'B-2', reason: 'hold_token_invalid' },
        ],
      });
      await venue.client.events.book('manual', ['B-1', 'B-2'], holdToken);
    } finally {
      await venue.stop();
    }
  });

  it("and a buyer's token is good only on the event it was made on", async () => {
    const token = await anonymousHold('reservation', ['B-3']);
    await expectRefused(() => anonymous('/events/other/seats/hold', { objectLabels: ['B-3'], holdToken: token }), 409, {
      error: 'One or more seats are not available',
      failed: [{ objectLabel: 'B-3', reason: 'hold_token_invalid' }],
    });
  });
});

describe('sales settings through the API', () => {
  it('are set on create, read back, and refused naming the field when wrong', async () => {
    const created = await server.api('/events', {
      json: { chartKey: 'small', eventKey: 'configured', salesSettings: { checkoutUrl: 'https://pay.example.com/checkout', maxPlacesPerOrder: 6 } },
    });
    expect(created.status).toBe(200);
    expect(((await created.json()) as { salesSettings: unknown }).salesSettings).toEqual({
      checkoutMode: 'handoff',
      checkoutUrl: 'https://pay.example.com/checkout',
      maxPlacesPerOrder: 6,
      holdMinutes: 15,
      maxHoldMinutes: 30,
    });
    const wrong: [unknown, string][] = [
      [{ checkoutUrl: 'javascript:alert(1)' }, 'salesSettings.checkoutUrl: '],
      [{ maxPlacesPerOrder: 0 }, 'salesSettings.maxPlacesPerOrder: '],
      [{ holdMinutes: 121 }, 'salesSettings.holdMinutes: '],
      [{ holdMinutes: 40 }, 'salesSettings.holdMinutes: must not exceed maxHoldMinutes'],
      [{ checkoutMode: 'free-for-all' }, 'salesSettings.checkoutMode: '],
    ];
    for (const [salesSettings, message] of wrong) {
      const before = await server.fingerprint();
      const res = await server.api('/events/configured', { json: { salesSettings } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { messages: string[] }).messages[0]).toContain(message);
      expect(await server.fingerprint()).toEqual(before);
    }
  });
});
