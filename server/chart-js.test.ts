import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHART_JS_PATH, serveChartJs } from './chart-js';

/* `/chart.js` as browsers and caches meet it: compressed, revalidated by ETag, immutable under its hash. */

const servers: Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

async function serve(dir: string): Promise<string> {
  const handle = serveChartJs(dir);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (CHART_JS_PATH.test(path)) void handle(req, res, path);
    else res.writeHead(404).end();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('/chart.js', () => {
  it('says it is not built until it is', async () => {
    const base = await serve(mkdtempSync(join(tmpdir(), 'chart-js-')));
    const res = await fetch(`${base}/chart.js`);
    expect([res.status, await res.text()]).toEqual([404, 'chart.js is not built: run npm run build']);
  });

  it('serves the build compressed, revalidates by ETag, and keeps the hashed copy for a year', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chart-js-'));
    const script = 'window.seatsio = {};'.repeat(100);
    writeFileSync(join(dir, 'chart.js'), script);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ hash: '0123456789abcdef' }));
    const base = await serve(dir);

    const res = await fetch(`${base}/chart.js`, { headers: { 'accept-encoding': 'br' } });
    expect([res.status, res.headers.get('content-encoding'), res.headers.get('cache-control'), res.headers.get('etag')]).toEqual([
      200,
      'br',
      'public, max-age=300',
      '"0123456789abcdef"',
    ]);
    expect(await res.text()).toBe(script); // fetch undoes the brotli
    expect((await fetch(`${base}/chart.js`, { headers: { 'if-none-match': '"0123456789abcdef"' } })).status).toBe(304);

    const pinned = await fetch(`${base}/chart.0123456789abcdef.js`);
    expect([pinned.status, pinned.headers.get('cache-control'), await pinned.text()]).toEqual([200, 'public, max-age=31536000, immutable', script]);
    expect((await fetch(`${base}/chart.fedcba9876543210.js`)).status).toBe(404);
  });
});
