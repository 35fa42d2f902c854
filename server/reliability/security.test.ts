import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallVenue, startTestServer, type TestServer } from '../testing/test-server';

/* What an attacker without the secret key can and cannot do. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ holdRateLimit: { perMinute: 60, burst: 3 } });
  await seedSmallVenue(server.app, ['secure']);
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
    const answers: Response[] = [];
    for (const label of ['B-1', 'B-2', 'B-3', 'B-4', 'B-5']) answers.push(await publicPost('/events/secure/seats/hold', { objectLabels: [label] }));
    // The burst is 3 and nothing anonymous held before (the first test holds with the secret key).
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429, 429]);
    for (const refused of answers.slice(3)) {
      // 60 a minute: the next hold is allowed within a second or two.
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(2);
      expect(await refused.json()).toEqual({ statusCode: 429, message: expect.stringContaining('Too many hold requests') });
    }
    for (const label of ['B-4', 'B-5']) expect((await server.client.events.retrieveObjectInfo('secure', label)).status).toBe('free');

    const withKey = await server.api('/v1/events/secure/seats/hold', { json: { objectLabels: ['B-6'] } });
    expect(withKey.status).toBe(200);
  });
});
