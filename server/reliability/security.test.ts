import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallVenue, startTestServer, type TestServer } from '../testing/test-server';

/* What an attacker without the secret key can and cannot do. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ holdRateLimit: { perMinute: 60, burst: 3 } });
  seedSmallVenue(server.app, ['secure']);
});
afterAll(() => server.stop());

const publicPost = (path: string, json: unknown) => server.api(`/v1${path}`, { json, secretKey: null });

describe('guessing hold tokens', () => {
  it('gets nothing: unknown tokens are refused and change nothing', async () => {
    const { holdToken } = (await (await server.api('/v1/events/secure/seats/hold', { json: { objectLabels: ['A-1'] } })).json()) as { holdToken: string };
    const changesBefore = server.witness.prepare('select count(*) as n from status_changes').get();
    for (let i = 0; i < 50; i++) {
      const guess = randomBytes(16).toString('base64url');
      expect((await server.api(`/v1/hold-tokens/${guess}`, { secretKey: null })).status).toBe(404);
      expect((await server.api('/v1/events/secure/seats/book', { json: { objectLabels: ['A-1'], holdToken: guess } })).status).toBe(409);
      expect((await server.api('/v1/events/secure/seats/release', { json: { objectLabels: ['A-1'], holdToken: guess } })).status).toBe(409);
    }
    // A token that is almost right is as wrong as any other.
    const nearMiss = holdToken.slice(0, -1) + (holdToken.endsWith('A') ? 'B' : 'A');
    expect((await server.api('/v1/events/secure/seats/book', { json: { objectLabels: ['A-1'], holdToken: nearMiss } })).status).toBe(409);
    expect(server.witness.prepare('select count(*) as n from status_changes').get()).toEqual(changesBefore);
  });

  it('cannot use the seats.io dialect at all without the secret key', async () => {
    for (const path of ['/hold-tokens', '/events/secure/actions/book', '/charts', '/workspaces']) {
      expect((await server.api(path, { json: {}, secretKey: null })).status).toBe(401);
    }
    expect((await server.api('/events/secure', { secretKey: null })).status).toBe(401);
  });
});

describe('rate limiting of public holds', () => {
  it('answers 429 with Retry-After once a client has used its burst; the secret key is not limited', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (const label of ['B-1', 'B-2', 'B-3', 'B-4', 'B-5']) {
      last = await publicPost('/events/secure/seats/hold', { objectLabels: [label] });
      statuses.push(last.status);
    }
    // The first test used some of the burst too; what matters is that the excess is refused.
    expect(statuses.at(-1)).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await last!.json()).toEqual({ statusCode: 429, message: expect.stringContaining('Too many hold requests') });
    const limited = await server.client.events.retrieveObjectInfo('secure', 'B-5');
    expect(limited.status).toBe('free');

    const withKey = await server.api('/v1/events/secure/seats/hold', { json: { objectLabels: ['B-6'] } });
    expect(withKey.status).toBe(200);
  });
});
