import { afterEach, describe, expect, it } from 'vitest';
import { parseTrustProxy, type TrustProxy } from '../client-address';
import { seedSmallVenue, startTestServer, type TestServer } from '../../testing/test-server';

/* Limits per client, counted in places: what one anonymous client may NOT do, however it spreads its requests. */

let server: TestServer;
afterEach(() => server.stop());

async function start(options: { burst?: number; placesPerClient?: number; trustProxy?: string } = {}) {
  server = await startTestServer({
    holdRateLimit: { perMinute: 1, burst: options.burst ?? 1000 },
    ...(options.placesPerClient ? { placesPerClient: options.placesPerClient } : {}),
    ...(options.trustProxy ? { trustProxy: parseTrustProxy(options.trustProxy) as TrustProxy } : {}),
  });
  await seedSmallVenue(server.app, ['limits', 'elsewhere'], 20);
  for (const key of ['limits', 'elsewhere']) await server.api(`/events/${key}`, { json: { salesSettings: { maxPlacesPerOrder: 10 } } });
}

const hold = (body: Record<string, unknown>, headers: Record<string, string> = {}, eventKey = 'limits') =>
  server.api(`/v1/events/${eventKey}/seats/hold`, { json: body, secretKey: null, headers });

describe('the hold rate limit', () => {
  it('counts places, not requests: a client cannot fit more places into fewer requests', async () => {
    await start({ burst: 10 });
    expect((await hold({ objectLabels: ['A-1', 'A-2', 'A-3', 'A-4'] })).status).toBe(200);
    expect((await hold({ objectLabels: ['GA1'], quantities: { GA1: 4 } })).status).toBe(200);
    const before = await server.fingerprint();
    const refused = await hold({ objectLabels: ['B-1', 'B-2', 'B-3'] });
    expect([refused.status, refused.headers.has('retry-after')]).toEqual([429, true]);
    expect(await server.fingerprint()).toEqual(before);
  });

  it('charges a started session as one place', async () => {
    await start({ burst: 2 });
    const session = () => server.api('/v1/events/limits/hold-tokens', { json: {}, secretKey: null });
    expect([(await session()).status, (await hold({ objectLabels: ['A-1'] })).status]).toEqual([201, 200]);
    const before = await server.fingerprint();
    const refused = await session();
    expect([refused.status, refused.headers.has('retry-after')]).toEqual([429, true]);
    expect(await server.fingerprint()).toEqual(before);
  });

  it('charges requests for events that do not exist', async () => {
    await start({ burst: 3 });
    for (let i = 0; i < 3; i++) expect((await hold({ objectLabels: ['A-1'] }, {}, 'no-such-event')).status).toBe(404);
    expect((await hold({ objectLabels: ['A-1'] })).status).toBe(429);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    await start({ burst: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await hold({ objectLabels: [`A-${i + 1}`] }, { 'x-forwarded-for': `198.51.100.${i}` })).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
  });

  it('tells clients behind a trusted proxy apart', async () => {
    await start({ burst: 2, trustProxy: '127.0.0.1' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await hold({ objectLabels: [`A-${i + 1}`] }, { 'x-forwarded-for': `198.51.100.${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
  });
});

describe('places per client and event', () => {
  it('caps what one client holds at an event across all its tokens, and only there', async () => {
    await start({ placesPerClient: 6 });
    expect((await hold({ objectLabels: ['A-1', 'A-2', 'A-3', 'A-4'] })).status).toBe(200);
    const before = await server.fingerprint();
    // A second token from the same client: within its own order's limit, over the client's.
    const second = await hold({ objectLabels: ['B-1', 'B-2', 'B-3'] });
    expect([second.status, await second.json()]).toEqual([
      409,
      {
        error: 'One or more seats are not available',
        failed: ['B-1', 'B-2', 'B-3'].map((objectLabel) => ({ objectLabel, reason: 'too_many_places_for_client' })),
      },
    ]);
    expect(await server.fingerprint()).toEqual(before);
    expect((await hold({ objectLabels: ['B-1', 'B-2'] })).status).toBe(200);
    // Another event is another count.
    expect((await hold({ objectLabels: ['B-1', 'B-2', 'B-3'] }, {}, 'elsewhere')).status).toBe(200);
  });
});
