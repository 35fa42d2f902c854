import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallVenue, startTestServer, type TestServer } from '../../testing/test-server';

/* The buyer API as a buyer's browser uses it: no secret key, the hold token is the credential. */

let server: TestServer;
beforeAll(async () => {
  // Rate limits have tests of their own (client-limits.test.ts); here every request is a different buyer's.
  server = await startTestServer({ holdRateLimit: { perMinute: 1_000_000, burst: 1_000_000 } });
  await seedSmallVenue(server.app, ['seats', 'seats-2']);
  // A reservation: buyers book with their token alone (handoff, the default, is in trust-model.test.ts).
  expect((await server.api('/events/seats', { json: { salesSettings: { checkoutMode: 'reservation' } } })).status).toBe(204);
});
afterAll(() => server.stop());

const post = (path: string, json: unknown, secretKey: string | null = null) => server.api(`/v1${path}`, { json, secretKey });
const body = async (res: Response) => (await res.json()) as Record<string, unknown>;

describe('POST /api/v1/events/{eventKey}/seats/hold', () => {
  it('creates a hold token on the first hold and keeps using it', async () => {
    const first = await post('/events/seats/seats/hold', { objectLabels: ['A-1'] });
    expect(first.status).toBe(200);
    const { holdToken, expiresAt, held } = (await first.json()) as { holdToken: string; expiresAt: string; held: unknown[] };
    expect(holdToken.length).toBeGreaterThanOrEqual(22);
    // ttlSeconds defaults to 900, the event's hold duration.
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(899_000);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(900_000);
    expect(held).toEqual([{ objectLabel: 'A-1', objectType: 'seat', status: 'reservedByToken' }]);

    const second = await post('/events/seats/seats/hold', { objectLabels: ['A-2', 'GA1'], quantities: { GA1: 2 }, holdToken });
    expect(((await second.json()) as { held: unknown[] }).held).toEqual([
      { objectLabel: 'A-2', objectType: 'seat', status: 'reservedByToken' },
      { objectLabel: 'GA1', objectType: 'generalAdmission', quantity: 2 },
    ]);
    const token = await body(await server.api(`/v1/hold-tokens/${holdToken}`, { secretKey: null }));
    expect(token.held).toEqual([
      { eventKey: 'seats', objectLabel: 'A-1', quantity: 1 },
      { eventKey: 'seats', objectLabel: 'A-2', quantity: 1 },
      { eventKey: 'seats', objectLabel: 'GA1', quantity: 2 },
    ]);
  });

  it('answers 409 naming every seat someone else has, and holds none of the batch', async () => {
    const other = await body(await post('/events/seats/seats/hold', { objectLabels: ['B-1', 'B-2'] }));
    const res = await post('/events/seats/seats/hold', { objectLabels: ['B-1', 'B-2', 'B-3'] });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: 'One or more seats are not available',
      failed: [
        { objectLabel: 'B-1', reason: 'held_by_other_token' },
        { objectLabel: 'B-2', reason: 'held_by_other_token' },
      ],
    });
    const b3 = await server.client.events.retrieveObjectInfo('seats', 'B-3');
    expect(b3.status).toBe('free');
    expect(other.holdToken).toBeDefined();
  });

  it('does not leave a hold token behind when the first hold fails', async () => {
    await post('/events/seats-2/seats/hold', { objectLabels: ['A-9'] });
    const tokensBefore = server.witness.prepare('select count(*) as n from hold_tokens').get();
    expect((await post('/events/seats-2/seats/hold', { objectLabels: ['A-9'] })).status).toBe(409);
    expect(server.witness.prepare('select count(*) as n from hold_tokens').get()).toEqual(tokensBefore);
  });

  it('holds the best available adjacent seats', async () => {
    const res = await post('/events/seats-2/seats/hold', { bestAvailable: { number: 3, categories: ['back'] }, ttlSeconds: 60 });
    expect(res.status).toBe(200);
    const { held } = (await res.json()) as { held: { objectLabel: string }[] };
    // The focal point is at x=120: seats 5, 6, 7 of row B sit at x=106, 130, 154.
    expect(held.map((h) => h.objectLabel)).toEqual(['B-5', 'B-6', 'B-7']);
  });

  it('validates in the dialect shape, naming the field', async () => {
    const res = await post('/events/seats/seats/hold', { objectLabels: [] });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ statusCode: 400, message: 'Invalid request', errors: { objectLabels: [expect.any(String)] } });
    const unknown = await post('/events/seats/seats/hold', { objectLabels: ['Z-1'] });
    expect(await unknown.json()).toEqual({ statusCode: 400, message: 'Invalid request', errors: { objectLabels: ['Z-1: no such object on the chart'] } });
    const missing = await post('/events/nope/seats/hold', { objectLabels: ['A-1'] });
    expect([missing.status, await missing.json()]).toEqual([404, { statusCode: 404, message: 'Event not found: nope' }]);
    const tooMany = await post('/events/seats/seats/hold', { objectLabels: Array.from({ length: 201 }, (_, i) => `A-${i}`) });
    expect(tooMany.status).toBe(400);
  });
});

describe('ticket types', () => {
  it('books each place at the ticket type the buyer chose, and refuses one its category does not have', async () => {
    const pricing = {
      currency: 'EUR',
      prices: {
        '1': {
          ticketTypes: [
            { ticketType: 'adult', price: 30 },
            { ticketType: 'child', price: 18 },
          ],
        },
        back: 25,
      },
    };
    expect((await server.api('/events/seats-2', { json: { pricing, salesSettings: { checkoutMode: 'reservation' } } })).status).toBe(204);
    const { holdToken } = (await body(await post('/events/seats-2/seats/hold', { objectLabels: ['A-1', 'A-2', 'B-1'] }))) as { holdToken: string };
    const before = await server.fingerprint();
    const unknown = await post('/events/seats-2/seats/book', { objectLabels: ['A-1', 'B-1'], holdToken, ticketTypes: { 'A-1': 'senior' } });
    expect([unknown.status, await body(unknown)]).toEqual([
      400,
      { statusCode: 400, message: 'Invalid request', errors: { 'ticketTypes.A-1': ["no ticket type senior at this place's price"] } },
    ]);
    const elsewhere = await post('/events/seats-2/seats/book', { objectLabels: ['A-1'], holdToken, ticketTypes: { 'A-2': 'child' } });
    expect([elsewhere.status, (await body(elsewhere)).errors]).toEqual([400, { 'ticketTypes.A-2': ['not one of objectLabels'] }]);
    expect(await server.fingerprint()).toEqual(before);

    const booked = await post('/events/seats-2/seats/book', { objectLabels: ['A-1', 'A-2', 'B-1'], holdToken, ticketTypes: { 'A-1': 'child' } });
    expect(booked.status).toBe(200);
    const types = server.witness
      .prepare(
        "select label, ticket_type as ticketType from event_objects where order_id is not null and event_id = (select id from events where key = 'seats-2') order by label",
      )
      .all();
    expect(types).toEqual([
      { label: 'A-1', ticketType: 'child' },
      { label: 'A-2', ticketType: null },
      { label: 'B-1', ticketType: null },
    ]);
    // The box office counts each place at its ticket type's price (the default where none was chosen).
    const revenue = (await server.app.booking.organiserOverview(server.app.defaultWorkspace.id)).events.find((e) => e.key === 'seats-2')!.revenue;
    expect(revenue).toBe(18 + 30 + 25);
  });
});

describe('book and release', () => {
  it('books held seats with the hold token under an order id of its own, then nobody else can have them', async () => {
    const { holdToken } = (await body(await post('/events/seats/seats/hold', { objectLabels: ['A-5', 'A-6'] }))) as { holdToken: string };
    const res = await post('/events/seats/seats/book', { objectLabels: ['A-5', 'A-6'], holdToken });
    expect(res.status).toBe(200);
    const booked = (await res.json()) as { orderId: string; confirmationUrl: string; booked: Record<string, unknown>[] };
    expect(booked.orderId).toMatch(/^T-[0-9A-Z]{6,}$/);
    // The confirmation page opens with the access key of the booking's URL, and not with the order id alone.
    const access = new URL(booked.confirmationUrl, server.baseUrl).searchParams.get('access')!;
    expect(booked.confirmationUrl).toBe(`/events/seats/orders/${booked.orderId}?access=${access}`);
    expect((await server.app.booking.eventOrder({ eventKey: 'seats' }, booked.orderId, access))?.places).toEqual([
      { label: 'A-5', quantity: 1 },
      { label: 'A-6', quantity: 1 },
    ]);
    for (const wrong of ['', 'x'.repeat(access.length), access.slice(0, -1)])
      expect(await server.app.booking.eventOrder({ eventKey: 'seats' }, booked.orderId, wrong)).toBeUndefined();
    expect(booked.booked[0]).toEqual({
      chartKey: 'small',
      eventKey: 'seats',
      objectLabel: 'A-5',
      status: 'booked',
      bookedAt: expect.any(String),
      extraData: null,
    });
    expect((await server.client.events.retrieveObjectInfo('seats', 'A-6')).orderId).toBe(booked.orderId);

    const stolen = await post('/events/seats/seats/release', { objectLabels: ['A-5'], holdToken });
    expect(stolen.status).toBe(409);
  });

  it('refuses to book seats the token does not hold', async () => {
    const { holdToken } = (await body(await post('/events/seats/seats/hold', { objectLabels: ['A-7'] }))) as { holdToken: string };
    const res = await post('/events/seats/seats/book', { objectLabels: ['A-7', 'A-8'], holdToken });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: 'One or more seats are no longer held by this token',
      failed: [{ objectLabel: 'A-8', reason: 'not_held_by_token' }],
    });
    // Nothing booked: A-7 is still held by the token, A-8 still free.
    expect((await server.client.events.retrieveObjectInfo('seats', 'A-7')).status).toBe('reservedByToken');
    expect((await server.client.events.retrieveObjectInfo('seats', 'A-8')).status).toBe('free');
  });

  it("echoes the venue's extra data on every booked place", async () => {
    const { holdToken } = (await body(await post('/events/seats-2/seats/hold', { objectLabels: ['A-3', 'A-4'] }))) as { holdToken: string };
    const res = await post('/events/seats-2/seats/book', { objectLabels: ['A-3', 'A-4'], holdToken, extraData: { buyer: 'Ada' } }, 'test-secret-key-0000');
    expect(res.status).toBe(200);
    const { booked } = (await res.json()) as { booked: { objectLabel: string; extraData: unknown; bookedAt: string }[] };
    expect(booked.map((b) => [b.objectLabel, b.extraData])).toEqual([
      ['A-3', { buyer: 'Ada' }],
      ['A-4', { buyer: 'Ada' }],
    ]);
    expect(Math.abs(Date.parse(booked[0]!.bookedAt) - Date.now())).toBeLessThan(60_000);
  });

  it('releases all or nothing, answering 409 with the places that are neither held nor booked', async () => {
    const { holdToken } = (await body(await post('/events/seats-2/seats/hold', { objectLabels: ['A-5'] }))) as { holdToken: string };
    const res = await post('/events/seats-2/seats/release', { objectLabels: ['A-5', 'A-6'], holdToken });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: 'One or more seats are neither held nor booked', failed: [{ objectLabel: 'A-6', reason: 'already_free' }] });
    expect((await server.client.events.retrieveObjectInfo('seats-2', 'A-5')).status).toBe('reservedByToken');
  });

  it('frees held and booked places in one release for the venue, and only held ones for a buyer', async () => {
    const { holdToken } = (await body(await post('/events/seats-2/seats/hold', { objectLabels: ['A-7'] }))) as { holdToken: string };
    await server.client.events.book('seats-2', ['A-8']);
    const both = { objectLabels: ['A-7', 'A-8'], holdToken };
    const buyer = await post('/events/seats-2/seats/release', both);
    expect([buyer.status, await buyer.json()]).toEqual([
      409,
      { error: 'One or more seats are neither held nor booked', failed: [{ objectLabel: 'A-8', reason: 'not_held_by_token' }] },
    ]);
    expect((await server.client.events.retrieveObjectInfo('seats-2', 'A-7')).status).toBe('reservedByToken');
    const venue = await post('/events/seats-2/seats/release', both, 'test-secret-key-0000');
    expect([venue.status, await venue.json()]).toEqual([200, { released: [{ objectLabel: 'A-7' }, { objectLabel: 'A-8' }] }]);
    for (const label of ['A-7', 'A-8']) expect((await server.client.events.retrieveObjectInfo('seats-2', label)).status).toBe('free');
  });

  it('releases with the hold token; without one only the secret key may release', async () => {
    const { holdToken } = (await body(await post('/events/seats/seats/hold', { objectLabels: ['B-8'] }))) as { holdToken: string };
    const anonymous = await post('/events/seats/seats/release', { objectLabels: ['B-8'] });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ statusCode: 401, message: 'A hold token, or the secret key, is required to release' });
    const wrongKey = await server.api('/v1/webhooks', { secretKey: 'not-a-key' });
    expect([wrongKey.status, await wrongKey.json()]).toEqual([401, { statusCode: 401, message: 'A valid secret key is required' }]);
    expect((await post('/events/seats/seats/release', { objectLabels: ['B-8'], holdToken })).status).toBe(200);
    await server.client.events.book('seats', ['B-9']);
    expect((await post('/events/seats/seats/release', { objectLabels: ['B-9'] }, 'test-secret-key-0000')).status).toBe(200);
  });

  it('extends a hold token, at most to two hours', async () => {
    const { holdToken } = (await body(await post('/events/seats/seats/hold', { objectLabels: ['B-10'], ttlSeconds: 30 }))) as { holdToken: string };
    const extended = await body(await post(`/hold-tokens/${holdToken}/extend`, { ttlSeconds: 600 }));
    expect(Date.parse(extended.expiresAt as string) - Date.now()).toBeGreaterThan(590_000);
    expect((await post(`/hold-tokens/${holdToken}/extend`, { ttlSeconds: 3 * 3600 })).status).toBe(400);
    expect((await post('/hold-tokens/not-a-token/extend', { ttlSeconds: 60 })).status).toBe(404);
  });
});

describe('POST /api/v1/events/{eventKey}/hold-tokens', () => {
  it('starts a session: a token that holds nothing yet, good for holds on this event only', async () => {
    const started = await post('/events/seats-2/hold-tokens', {});
    expect(started.status).toBe(201);
    const { holdToken, expiresAt } = (await started.json()) as { holdToken: string; expiresAt: string };
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(899_000);
    expect(await body(await server.api(`/v1/hold-tokens/${holdToken}`, { secretKey: null }))).toMatchObject({ holdToken, held: [] });
    const held = await post('/events/seats-2/seats/hold', { objectLabels: ['B-4'], holdToken });
    expect([held.status, ((await held.json()) as { holdToken: string }).holdToken]).toEqual([200, holdToken]);
    const elsewhere = await post('/events/seats/seats/hold', { objectLabels: ['B-4'], holdToken });
    expect([elsewhere.status, ((await elsewhere.json()) as { failed: unknown[] }).failed]).toEqual([
      409,
      [{ objectLabel: 'B-4', reason: 'hold_token_invalid' }],
    ]);
  });

  it('refuses a session longer than the event holds, an unknown field and an unknown event, creating nothing', async () => {
    const before = await server.fingerprint();
    const long = await post('/events/seats-2/hold-tokens', { ttlSeconds: 7200 });
    expect(long.status).toBe(400);
    const stray = await post('/events/seats-2/hold-tokens', { objectLabels: ['A-1'] });
    expect([stray.status, ((await stray.json()) as { errors: Record<string, unknown> }).errors]).toEqual([400, { body: ['Unrecognized key: "objectLabels"'] }]);
    expect((await post('/events/no-such-event/hold-tokens', {})).status).toBe(404);
    expect(await server.fingerprint()).toEqual(before);
  });
});
