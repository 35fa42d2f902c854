import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallVenue, startTestServer, type TestServer } from '../../testing/test-server';

/* Another website's page must not hold seats in its visitors' names: the buyer API checks Origin and content type. */

const SHOP = 'https://shop.example.com';
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ allowedOrigins: [SHOP] });
  seedSmallVenue(server.app, ['origins']);
});
afterAll(() => server.stop());

const hold = (label: string, headers: Record<string, string>, body = JSON.stringify({ objectLabels: [label] })) =>
  fetch(`${server.baseUrl}/api/v1/events/origins/seats/hold`, { method: 'POST', headers, body });

describe('the buyer API from a browser', () => {
  it("refuses another website's page, changing nothing", async () => {
    const before = server.fingerprint();
    const res = await hold('A-1', { origin: 'https://evil.example', 'content-type': 'application/json' });
    expect([res.status, await res.json()]).toEqual([403, { statusCode: 403, message: 'Requests from https://evil.example are not allowed' }]);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(server.fingerprint()).toEqual(before);
  });

  it('refuses a body that is not JSON (what a form or a no-preflight request sends), changing nothing', async () => {
    const before = server.fingerprint();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await hold('A-2', { 'content-type': type });
      expect([res.status, await res.json()]).toEqual([415, { statusCode: 415, message: 'Send the request body as application/json' }]);
    }
    expect(server.fingerprint()).toEqual(before);
  });

  it("serves the server's own pages, and the allowed shop with CORS headers, errors included", async () => {
    const own = new URL(server.baseUrl).origin;
    expect((await hold('A-3', { origin: own, 'content-type': 'application/json' })).status).toBe(200);
    const shop = await hold('A-4', { origin: SHOP, 'content-type': 'application/json; charset=utf-8' });
    expect([shop.status, shop.headers.get('access-control-allow-origin'), shop.headers.get('vary')]).toEqual([200, SHOP, 'Origin']);
    const taken = await hold('A-4', { origin: SHOP, 'content-type': 'application/json' });
    expect([taken.status, taken.headers.get('access-control-allow-origin')]).toEqual([409, SHOP]);
  });

  it('answers a CORS preflight for the allowed shop only', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.baseUrl}/api/v1/events/origins/seats/hold`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight(SHOP);
    expect(allowed.status).toBe(204);
    expect(
      Object.fromEntries(
        ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers'].map((h) => [h, allowed.headers.get(h)]),
      ),
    ).toEqual({
      'access-control-allow-origin': SHOP,
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'content-type, authorization',
    });
    const foreign = await preflight('https://evil.example');
    expect([foreign.status, foreign.headers.get('access-control-allow-origin')]).toEqual([403, null]);
  });
});
