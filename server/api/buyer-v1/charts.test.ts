import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallVenue, startTestServer, type TestServer } from '../../testing/test-server';

/* The venue as buyer pages fetch it: one cacheable, compressed document per chart version. */

let server: TestServer;
let chartUrl: string;
/** The stored chart as browsers get it: without the seats' neighbours, which only the server uses. */
let drawn: string;
beforeAll(async () => {
  server = await startTestServer();
  await seedSmallVenue(server.app, ['venue']);
  chartUrl = (await server.app.booking.publicEvent({ eventKey: 'venue' }))!.chartUrl;
  const stored = JSON.parse((server.witness.prepare("select definition from charts where key = 'small'").get() as { definition: string }).definition) as {
    objects: Record<string, unknown>[];
  };
  expect(stored.objects.some((o) => 'leftNeighbour' in o)).toBe(true);
  drawn = JSON.stringify({ ...stored, objects: stored.objects.map(({ leftNeighbour: _l, rightNeighbour: _r, ...o }) => o) });
});
afterAll(() => server.stop());

const get = (url: string, headers: Record<string, string> = {}) => fetch(`${server.baseUrl}${url}`, { headers });

describe('GET /api/v1/charts/{ref}', () => {
  it('serves the stored chart, without what only the server uses, compressed as the browser accepts, cacheable for good', async () => {
    expect(chartUrl).toMatch(/^\/api\/v1\/charts\/\d+-[0-9a-f]{16}$/);
    // fetch would decompress by itself; node:http's raw bytes show what went over the wire.
    const raw = async (encoding: string) => {
      const { request } = await import('node:http');
      return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve) => {
        request(`${server.baseUrl}${chartUrl}`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).end();
      });
    };
    const br = await raw('gzip, deflate, br');
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'public, max-age=31536000, immutable', vary: 'Accept-Encoding' });
    expect(brotliDecompressSync(br.body).toString()).toBe(drawn);
    const gz = await raw('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(drawn);
    const plain = await raw('identity');
    expect([plain.headers['content-encoding'], plain.body.toString()]).toEqual([undefined, drawn]);
  });

  it('answers 304 to a browser that has this version already', async () => {
    const first = await get(chartUrl);
    const etag = first.headers.get('etag')!;
    const again = await get(chartUrl, { 'if-none-match': etag });
    expect([again.status, await again.text()]).toEqual([304, '']);
  });

  it('finds nothing for an unknown chart, or a known id with the wrong hash', async () => {
    const id = chartUrl.split('/').at(-1)!.split('-')[0];
    for (const ref of [`${id}-0000000000000000`, '999-0123456789abcdef', 'x', `${id}`]) {
      const res = await get(`/api/v1/charts/${ref}`);
      expect(res.status, ref).toBe(404);
    }
  });
});
