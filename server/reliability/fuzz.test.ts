import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallVenue, startTestServer, type TestServer } from '../testing/test-server';

/*
 * Fuzz: generated requests against every route (bodies, query strings, headers, path segments, unicode,
 * oversized). Never a 5xx; a refused request answers in its dialect's error shape and changes nothing.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ holdRateLimit: { perMinute: 1_000_000, burst: 1_000_000 } });
  await seedSmallVenue(server.app, ['fuzz']);
});
afterAll(() => server.stop());

const segment = fc.oneof(
  fc.constant('fuzz'),
  fc.constant('A-1'),
  fc.constant('GA1'),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constant('%ZZ'),
  fc.constant('..'),
);
const enc = (s: string) => (s === '%ZZ' ? s : encodeURIComponent(s));

const seatsioRoutes = (k: string, x: string): [string, string][] => [
  ['POST', '/hold-tokens'],
  ['GET', `/hold-tokens/${x}`],
  ['POST', `/hold-tokens/${x}`],
  ['POST', '/workspaces'],
  ['POST', '/charts'],
  ['GET', `/charts/${x}`],
  ['POST', '/events'],
  ['POST', '/events/actions/create-multiple'],
  ['POST', '/events/actions/change-object-status'],
  ['POST', '/events/groups/actions/change-object-status'],
  ['GET', `/events/${k}`],
  ['POST', `/events/${k}`],
  // Never the fuzzed event itself: deleting it would end the fuzzing of everything else.
  ['DELETE', `/events/${x}-other`],
  ['POST', `/events/${k}/actions/update-extra-data`],
  ['POST', `/events/${k}/objects/${x}/actions/update-extra-data`],
  ['POST', `/events/${k}/actions/book`],
  ['POST', `/events/${k}/actions/hold`],
  ['POST', `/events/${k}/actions/release`],
  ['POST', `/events/${k}/actions/change-object-status`],
  ['POST', `/events/${k}/actions/${x}`],
  ['GET', `/events/${k}/objects?label=${x}&label=A-1`],
  ['GET', `/events/${k}/status-changes?limit=${x}&start_after_id=${x}`],
  ['GET', `/reports/events/${k}/byStatus/${x}`],
  ['GET', `/reports/events/${k}/byLabel`],
];

const seatRoutes = (k: string, x: string): [string, string][] => [
  ['POST', `/v1/events/${k}/seats/hold`],
  ['POST', `/v1/events/${k}/seats/book`],
  ['POST', `/v1/events/${k}/seats/release`],
  ['GET', `/v1/hold-tokens/${x}`],
  ['GET', `/v1/charts/${x}`],
  ['POST', `/v1/hold-tokens/${x}/extend`],
];

const body = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.record({ objects: fc.array(fc.jsonValue(), { maxLength: 5 }), holdToken: fc.jsonValue(), status: fc.jsonValue() }).map((v) => JSON.stringify(v)),
  fc
    .record({ objectLabels: fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 5 }), holdToken: fc.string(), quantities: fc.jsonValue() })
    .map((v) => JSON.stringify(v)),
  fc.constant('{"objects": ["A-1"'),
  fc.constant('x'.repeat(1024 * 1024 + 10)),
);

function expectDialectShape(path: string, status: number, text: string) {
  if (status === 401 || status === 403) return expect(text).toBe('');
  const json = JSON.parse(text) as Record<string, unknown>;
  if (path.startsWith('/v1/')) {
    expect('statusCode' in json || ('error' in json && Array.isArray(json.failed))).toBe(true);
  } else {
    expect(json).toMatchObject({ status, messages: expect.any(Array), errors: expect.any(Array), warnings: [] });
  }
}

describe('fuzzed requests', () => {
  it('never cause a 5xx, and every refusal is in its dialect shape and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        segment,
        segment,
        fc.boolean(),
        body,
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'),
        fc.nat(),
        async (k, x, seatDialect, payload, contentType, pick) => {
          const routes = seatDialect ? seatRoutes(enc(k), enc(x)) : seatsioRoutes(enc(k), enc(x));
          const [method, path] = routes[pick % routes.length]!;
          const before = await server.fingerprint();
          const res = await server.api(path, { method, headers: { 'content-type': contentType }, ...(method === 'GET' ? {} : { body: payload }) });
          const text = await res.text();
          expect(res.status, `${method} ${path} ${payload.slice(0, 100)}`).toBeLessThan(500);
          if (res.status >= 400) {
            expectDialectShape(path, res.status, text);
            expect(await server.fingerprint()).toEqual(before);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
