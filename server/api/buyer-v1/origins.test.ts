import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallVenue, startTestServer, type TestServer } from '../../testing/test-server';

/*
 * Another website's page must not hold seats in its visitors' names: the buyer API and the sockets check Origin, the
 * API the content type too. The allowed shop (an embedded chart) gets CORS headers.
 */

const SHOP = 'https://shop.example.com';
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ allowedOrigins: [SHOP] });
  await seedSmallVenue(server.app, ['origins']);
});
afterAll(() => server.stop());

const hold = (label: string, headers: Record<string, string>, body = JSON.stringify({ objectLabels: [label] })) =>
  fetch(`${server.baseUrl}/api/v1/events/origins/seats/hold`, { method: 'POST', headers, body });

describe('the buyer API from a browser', () => {
  it("refuses another website's page, changing nothing", async () => {
    const before = await server.fingerprint();
    const res = await hold('A-1', { origin: 'https://evil.example', 'content-type': 'application/json' });
    expect([res.status, await res.json()]).toEqual([403, { statusCode: 403, message: 'Requests from https://evil.example are not allowed' }]);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await server.fingerprint()).toEqual(before);
  });

  it('refuses a body that is not JSON (what a form or a no-preflight request sends), changing nothing', async () => {
    const before = await server.fingerprint();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await hold('A-2', { 'content-type': type });
      expect([res.status, await res.json()]).toEqual([415, { statusCode: 415, message: 'Send the request body as application/json' }]);
    }
    expect(await server.fingerprint()).toEqual(before);
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

describe('what an embedded chart reads', () => {
  it('serves the event and its chart document to the allowed shop with CORS headers', async () => {
    const event = await fetch(`${server.baseUrl}/api/v1/events/origins`, { headers: { origin: SHOP } });
    const body = (await event.json()) as { chartUrl: string };
    expect([event.status, event.headers.get('access-control-allow-origin')]).toEqual([200, SHOP]);
    expect(body).toMatchObject({ key: 'origins', workspaceKey: server.app.defaultWorkspace.key, sales: { maxPlacesPerOrder: 10 } });
    const chart = await fetch(`${server.baseUrl}${body.chartUrl}`, { headers: { origin: SHOP } });
    expect([chart.status, chart.headers.get('access-control-allow-origin')]).toEqual([200, SHOP]);
    const foreign = await fetch(`${server.baseUrl}/api/v1/events/origins`, { headers: { origin: 'https://evil.example' } });
    expect([foreign.status, foreign.headers.get('access-control-allow-origin')]).toEqual([403, null]);
    expect((await fetch(`${server.baseUrl}/api/v1/events/nope`)).status).toBe(404);
  });

  it("refuses another website's socket before it can subscribe; the shop's and the server's own connect", async () => {
    const connects = (origin: string) =>
      new Promise<boolean>((resolve) => {
        const socket = io(server.baseUrl, { transports: ['websocket'], extraHeaders: { origin }, reconnection: false });
        const settle = (connected: boolean) => {
          socket.disconnect();
          resolve(connected);
        };
        socket.on('connect', () => settle(true));
        socket.on('connect_error', () => settle(false));
      });
    expect(await connects('https://evil.example')).toBe(false);
    expect(await connects(SHOP)).toBe(true);
    expect(await connects(new URL(server.baseUrl).origin)).toBe(true);
  });
});
