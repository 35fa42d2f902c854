import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedSmallVenue, startTestServer, TEST_ADMIN_KEY, TEST_SECRET_KEY, type TestServer } from '../../testing/test-server';

/* Bad input gets a 4xx in the seats.io shape and changes nothing. A 500 is a bug. */

let server: TestServer;
let otherSecret: string;

beforeAll(async () => {
  server = await startTestServer();
  await seedSmallVenue(server.app, ['bad-input']);
  const res = await server.api('/workspaces', { json: { name: 'Other venue company' }, secretKey: TEST_ADMIN_KEY });
  otherSecret = ((await res.json()) as { secretKey: string }).secretKey;
});
afterAll(() => server.stop());

let before: unknown;
beforeEach(async () => {
  before = await server.fingerprint();
});

async function expectSeatsioError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as {
    status: number;
    messages: string[];
    errors: { code: string; message: string }[];
    warnings: unknown[];
    requestId: string;
  };
  expect(body).toMatchObject({ status, warnings: [] });
  expect(body.errors[0]!.code).toBe(code);
  expect(body.messages[0]).toBe(body.errors[0]!.message);
  expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(await server.fingerprint()).toEqual(before);
  return body;
}

describe('bad input', () => {
  it('answers malformed JSON with 400', async () => {
    await expectSeatsioError(await server.api('/events/bad-input/actions/book', { method: 'POST', body: '{"objects": [' }), 400, 'INVALID_REQUEST');
  });

  it('names the wrong field when a type is wrong', async () => {
    const body = await expectSeatsioError(
      await server.api('/events/bad-input/actions/book', { json: { objects: [{ objectId: 12 }] } }),
      400,
      'INVALID_REQUEST',
    );
    expect(body.messages[0]).toContain('objects[0]');
  });

  it('parses a JSON body whatever its content type', async () => {
    const res = await server.api('/hold-tokens', { method: 'POST', body: '{"expiresInMinutes": 5}', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { expiresInSeconds: number }).expiresInSeconds).toBeLessThanOrEqual(300);
  });

  it('names every unknown label and books none of the batch', async () => {
    const body = await expectSeatsioError(
      await server.api('/events/bad-input/actions/book', { json: { objects: ['A-1', 'Z-99', 'Q-1'] } }),
      400,
      'OBJECT_NOT_FOUND',
    );
    expect(body.messages).toEqual(['Z-99: no such object on the chart', 'Q-1: no such object on the chart']);
  });

  it('refuses 10,000 labels in one request', async () => {
    const objects = Array.from({ length: 10_000 }, (_, i) => `A-${i}`);
    await expectSeatsioError(await server.api('/events/bad-input/actions/book', { json: { objects } }), 400, 'INVALID_REQUEST');
  });

  it('refuses a body over the size limit with 413', async () => {
    await expectSeatsioError(
      await server.api('/events/bad-input/actions/book', { json: { objects: ['A-1'], orderId: 'x'.repeat(2 * 1024 * 1024) } }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('answers 401 with an empty body without a key or with a wrong one', async () => {
    for (const secretKey of [null, 'wrong-key']) {
      const res = await server.api('/events/bad-input/actions/book', { json: { objects: ['A-1'] }, secretKey });
      expect(res.status).toBe(401);
      expect(await res.text()).toBe('');
    }
    expect(await server.fingerprint()).toEqual(before);
  });

  it("hides another workspace's events and refuses its workspace key", async () => {
    await expectSeatsioError(
      await server.api('/events/bad-input/actions/book', { json: { objects: ['A-1'] }, secretKey: otherSecret }),
      404,
      'EVENT_NOT_FOUND',
    );
    const res = await server.api('/events/bad-input', { secretKey: otherSecret, headers: { 'x-workspace-key': server.app.defaultWorkspace.key } });
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('');
  });

  it('lets no workspace key create workspaces, nor reach another workspace, the default one included', async () => {
    for (const secretKey of [otherSecret, TEST_SECRET_KEY]) {
      const res = await server.api('/workspaces', { json: { name: 'Sneaky' }, secretKey });
      expect(res.status).toBe(403);
    }
    const other = (await (await server.api('/workspaces', { secretKey: TEST_ADMIN_KEY })).json()) as { items: { key: string; isDefault: boolean }[] };
    const otherKey = other.items.find((w) => !w.isDefault)!.key;
    expect((await server.api('/events/bad-input', { headers: { 'x-workspace-key': otherKey } })).status).toBe(403);
  });

  it('answers unknown endpoints with 404 and wrong methods with 405', async () => {
    await expectSeatsioError(await server.api('/nothing-here'), 404, 'NOT_FOUND');
    await expectSeatsioError(await server.api('/hold-tokens', { method: 'DELETE' }), 405, 'METHOD_NOT_ALLOWED');
    await expectSeatsioError(await server.api('/events/%E0%A4%A/actions/book', { json: { objects: ['A-1'] } }), 404, 'NOT_FOUND');
  });

  it('refuses an invalid chart file, naming the offending field, and stores nothing', async () => {
    const body = await expectSeatsioError(
      await server.api('/charts', {
        json: { name: 'Broken', categories: { list: [] }, subChart: { rows: [{ label: 'A', seats: [{ label: '1', x: 'left', y: 0 }] }] } },
      }),
      400,
      'INVALID_REQUEST',
    );
    expect(body.messages[0]).toContain('subChart.rows[0].seats[0].x');
  });

  it('refuses odd values that are valid JSON', async () => {
    for (const json of [null, [], 'book', 42, { objects: 'A-1' }, { objects: [] }, { objects: ['A-1'], holdToken: 7 }, { objects: ['\u0000'] }]) {
      const res = await server.api('/events/bad-input/actions/book', { json });
      expect(res.status, JSON.stringify(json)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(json)).toBeLessThan(500);
    }
    expect(await server.fingerprint()).toEqual(before);
  });

  it('refuses a hold without a token and a book with a token from another workspace', async () => {
    await expectSeatsioError(await server.api('/events/bad-input/actions/hold', { json: { objects: ['A-1'] } }), 400, 'HOLD_TOKEN_REQUIRED');
    const foreign = (await (await server.api('/hold-tokens', { json: {}, secretKey: otherSecret })).json()) as { holdToken: string };
    before = await server.fingerprint();
    await expectSeatsioError(
      await server.api('/events/bad-input/actions/hold', { json: { objects: ['A-1'], holdToken: foreign.holdToken } }),
      400,
      'HOLD_TOKEN_INVALID',
    );
  });

  it('accepts the secret key with an empty or missing password', async () => {
    const res = await fetch(`${server.baseUrl}/api/events/bad-input`, {
      headers: { authorization: `Basic ${Buffer.from(TEST_SECRET_KEY).toString('base64')}` },
    });
    expect(res.status).toBe(200);
  });
});
