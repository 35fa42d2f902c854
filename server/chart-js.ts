import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { preparedFor } from './content-encoding';

/*
 * `/chart.js`, the embeddable seating chart an integrator's page loads (scripts/build-chart-js.mjs builds it into
 * `dir`). `/chart.js` itself may change with every release: browsers keep it 5 minutes and revalidate by ETag. The
 * same script under its content's hash, `/chart.{hash}.js`, never changes and is cached for a year. Anyone may load
 * it (a script is not data); what it may then do from another origin, ALLOWED_ORIGINS decides.
 */

export const CHART_JS_PATH = /^\/chart(?:\.([0-9a-f]{16}))?\.js$/;

type Built = { hash: string; identity: Buffer; br: Buffer; gzip: Buffer };

const compressBrotli = promisify(brotliCompress);
const compressGzip = promisify(gzip);

async function load(dir: string): Promise<Built | undefined> {
  const file = join(dir, 'chart.js');
  if (!existsSync(file)) return undefined;
  const identity = readFileSync(file);
  const { hash } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { hash: string };
  const [br, gz] = await Promise.all([compressBrotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }), compressGzip(identity, { level: 9 })]);
  return { hash, identity, br, gzip: gz };
}

/**
 * Serves the built script from `dir`, read and compressed (off the event loop) at the first request, not at start:
 * most processes, tests' among them, never serve it. 404 until it is built.
 */
export function serveChartJs(dir: string) {
  let loaded: Promise<Built | undefined> | undefined;
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    // An unreadable build is answered as a missing one (and logged), never left to reject.
    const built = await (loaded ??= load(dir).catch((cause: unknown) => (console.error('chart.js could not be read', cause), undefined)));
    const hash = CHART_JS_PATH.exec(pathname)?.[1];
    if (!built || (hash !== undefined && hash !== built.hash)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(built ? 'Not found' : 'chart.js is not built: run npm run build');
      return;
    }
    const etag = `"${built.hash}"`;
    const headers: Record<string, string> = {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': hash ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      etag,
      vary: 'Accept-Encoding',
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
    };
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, headers).end();
    const { encoding, body } = preparedFor(req, built);
    res.writeHead(200, { ...headers, ...(encoding ? { 'content-encoding': encoding } : {}), 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
