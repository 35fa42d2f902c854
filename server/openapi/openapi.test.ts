import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyerDialect } from '../api/buyer-v1/dialect';
import { manageDialect } from '../api/manage/dialect';
import { RateLimiter } from '../api/rate-limit';
import { seatsioDialect } from '../api/seatsio/dialect';
import { seedSmallVenue, startTestServer, type TestServer } from '../testing/test-server';

/*
 * The API reference at /api/openapi.json, as an integrator's tooling reads it: a valid OpenAPI 3.1 document that
 * names every public route, and whose response schemas describe what the server really answers.
 */

type Operation = { summary?: string; responses: Record<string, unknown> };
type OpenApi = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

let server: TestServer;
let document: OpenApi;
beforeAll(async () => {
  server = await startTestServer({ webhookAllowPrivate: true });
  await seedSmallVenue(server.app, ['show']);
  const res = await fetch(`${server.baseUrl}/api/openapi.json`);
  expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
  document = (await res.json()) as OpenApi;
});
afterAll(() => server.stop());

const asPath = (prefix: string, path: string) => (prefix + path).replace(/:([a-zA-Z]+)/g, '{$1}');

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document, by a real validator', async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it("names every route of the buyer and seats.io APIs, with a summary and an answer; the organisers' private API is not in it", () => {
    const limiter = new RateLimiter({ perMinute: 1, burst: 1 }, Date.now);
    const buyer = buyerDialect({ holdLimiter: limiter, placesPerClient: 1, allowedOrigins: new Set(), webhookAllowPrivate: false });
    const routes = [buyer, seatsioDialect()].flatMap((d) => d.router.list().map((r) => ({ ...r, path: asPath(d.prefix, r.path) })));
    expect(routes.length).toBeGreaterThan(40);
    for (const { method, path } of routes) {
      const operation = document.paths[path]?.[method.toLowerCase()];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation!.summary, `${method} ${path}`).toBeTruthy();
    }
    const manage = manageDialect({ defaultWorkspaceId: 1, now: Date.now, secretKeyFromEnvironment: false, webhookAllowPrivate: false });
    for (const { path } of manage.router.list()) expect(document.paths[asPath(manage.prefix, path)]).toBeUndefined();
  });

  it('names only routes the server serves: a request to each finds its handler', async () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations)) {
        const res = await fetch(`${server.baseUrl}${path.replace(/\{[a-zA-Z]+\}/g, 'probe')}`, { method: method.toUpperCase() });
        const text = await res.text();
        expect(res.status, `${method} ${path}`).not.toBe(405);
        expect(text, `${method} ${path}`).not.toContain('No such endpoint');
      }
    }
  });
});

describe('real answers match the documented response schemas', () => {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

  /** Checks an answer against the schema documented for its path, method and status (or the error default). */
  async function conforms(res: Response, path: string, method: string) {
    if (!ajv.getSchema('openapi')) ajv.addSchema(document, 'openapi');
    const operation = document.paths[path]![method]!;
    const status = String(res.status) in operation.responses ? String(res.status) : 'default';
    const body: unknown = await res.json();
    const validate = ajv.compile({ $ref: `openapi#/${pointer('paths', path, method, 'responses', status, 'content', 'application/json', 'schema')}` });
    expect(validate(body) ? [] : validate.errors, `${method} ${path} → ${res.status} ${JSON.stringify(body)}`).toEqual([]);
    return body as Record<string, unknown>;
  }

  it('buyer API: hold, a conflict, the token, book, release, a refused release, an invalid request', async () => {
    const v1 = (path: string, json?: unknown, secretKey: string | null = null) => server.api(`/v1${path}`, { ...(json ? { json } : {}), secretKey });
    const hold = await conforms(
      await v1('/events/show/seats/hold', { objectLabels: ['A-1', 'GA1'], quantities: { GA1: 2 } }),
      '/api/v1/events/{key}/seats/hold',
      'post',
    );
    const holdToken = hold.holdToken as string;
    await conforms(await v1('/events/show/seats/hold', { objectLabels: ['A-1'] }), '/api/v1/events/{key}/seats/hold', 'post');
    await conforms(await v1(`/hold-tokens/${holdToken}`), '/api/v1/hold-tokens/{token}', 'get');
    await conforms(await v1(`/hold-tokens/${holdToken}/extend`, { ttlSeconds: 1200 }), '/api/v1/hold-tokens/{token}/extend', 'post');
    const booked = await conforms(
      await v1(
        '/events/show/seats/book',
        { objectLabels: ['A-1', 'GA1'], quantities: { GA1: 2 }, holdToken, extraData: { buyer: 'Ada' } },
        'test-secret-key-0000',
      ),
      '/api/v1/events/{key}/seats/book',
      'post',
    );
    expect(booked.booked).toHaveLength(2);
    await conforms(await v1('/events/show/seats/release', { objectLabels: ['A-2'], holdToken }), '/api/v1/events/{key}/seats/release', 'post');
    await conforms(await v1('/events/show/seats/release', { objectLabels: ['A-1'] }, 'test-secret-key-0000'), '/api/v1/events/{key}/seats/release', 'post');
    const invalid = await conforms(await v1('/events/show/seats/hold', { objectLabels: [] }), '/api/v1/events/{key}/seats/hold', 'post');
    expect(invalid.statusCode).toBe(400);
    await conforms(await v1('/health'), '/api/v1/health', 'get');
  });

  it('webhooks: subscribe, list, the delivery log', async () => {
    const key = 'test-secret-key-0000';
    const created = await conforms(
      await server.api('/v1/webhooks', { json: { url: 'http://127.0.0.1:9/hook', events: ['seat.booked'] }, secretKey: key }),
      '/api/v1/webhooks',
      'post',
    );
    expect(() => new Webhook(created.secret as string)).not.toThrow();
    await conforms(await server.api('/v1/webhooks', { secretKey: key }), '/api/v1/webhooks', 'get');
    await conforms(await server.api(`/v1/webhooks/${created.id as string}/deliveries`, { secretKey: key }), '/api/v1/webhooks/{id}/deliveries', 'get');
    await conforms(await server.api('/v1/webhooks', { secretKey: null }), '/api/v1/webhooks', 'get');
  });

  it('seats.io-compatible API: events, hold tokens, status changes, object info, reports and errors', async () => {
    const event = await conforms(await server.api('/events', { json: { chartKey: 'small', eventKey: 'documented', name: 'Gala' } }), '/api/events', 'post');
    expect(event.key).toBe('documented');
    await conforms(await server.api('/events/documented'), '/api/events/{key}', 'get');
    await conforms(await server.api('/events/missing'), '/api/events/{key}', 'get');
    const token = await conforms(await server.api('/hold-tokens', { json: {} }), '/api/hold-tokens', 'post');
    await conforms(
      await server.api('/events/documented/actions/hold', { json: { objects: ['B-1'], holdToken: token.holdToken } }),
      '/api/events/{key}/actions/{action}',
      'post',
    );
    await conforms(
      await server.api('/events/documented/actions/book', {
        json: { objects: ['B-1', { objectId: 'GA1', quantity: 3 }], holdToken: token.holdToken, orderId: 'o-1' },
      }),
      '/api/events/{key}/actions/{action}',
      'post',
    );
    await conforms(await server.api('/events/documented/actions/book', { json: { objects: ['B-1'] } }), '/api/events/{key}/actions/{action}', 'post');
    await conforms(await server.api('/events/documented/status-changes'), '/api/events/{key}/status-changes', 'get');
    await conforms(await server.api('/events/documented/objects?label=B-1&label=GA1'), '/api/events/{key}/objects', 'get');
    await conforms(await server.api('/reports/events/documented/byStatus'), '/api/reports/events/{key}/byStatus', 'get');
    await conforms(await server.api('/charts/small'), '/api/charts/{key}', 'get');
  });
});
