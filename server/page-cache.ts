import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { PublicAddress } from '../contracts/buyer-api';
import type { PageHandler } from './app';
import { acceptedEncoding } from './content-encoding';
import { nonceOf } from './page-headers';
import { RecentlyUsed } from './recently-used';

/*
 * The buyer page of an event is the same for every buyer: it is a function of the event's public view (name,
 * prices, sales settings, chart address) and of its address, nothing else — no cookie, no hold, no time. Next
 * renders it in about 10 ms of CPU, which an on-sale's page loads would spend over and over beside the holds.
 * So the page is rendered once per address and public view and served again with this response's CSP nonce in
 * place of the one it was rendered with (docs/decisions/019). A change of the event's view renders it afresh.
 */

type Rendered = { view: string; nonce: string; headers: OutgoingHttpHeaders; html: string };

/** Addresses kept: a server has a few events on sale at a time, each with an address or two. */
const KEPT = 256;

/** Headers of the rendered answer that describe that one transfer, not the page. */
const TRANSFER_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'date', 'connection', 'keep-alive']);

/** The buyer's page of an event (with any query), the only page cached. */
const BUYER_PAGE = /^\/events\/([^/?]+)(?:\?|$)/;

/**
 * Serves buyer pages from what Next rendered for the same address and the same public view of the event, with this
 * response's nonce. `viewOf` is the event's public view by its key (undefined: no such event, not cached).
 */
export function cacheBuyerPages(pages: PageHandler, viewOf: (address: PublicAddress) => Promise<unknown>): PageHandler {
  const rendered = new RecentlyUsed<string, Rendered>(KEPT);
  return async (req, res) => {
    const address = cacheable(req);
    const view = address === undefined ? undefined : await viewOf(address);
    const nonce = nonceOf(req);
    if (view === undefined || nonce === undefined) return pages(req, res);
    const key = req.url!;
    const viewJson = JSON.stringify(view);
    const kept = rendered.get(key);
    if (kept?.view === viewJson) return serve(kept, nonce, req, res);
    // Rendered uncompressed, so that it can be kept and its nonce replaced; this one answer goes out as Next wrote it.
    delete req.headers['accept-encoding'];
    keepWhatIsWritten(res, (html) => {
      if (res.statusCode !== 200 || res.hasHeader('set-cookie') || !String(res.getHeader('content-type')).startsWith('text/html')) return;
      const headers = Object.fromEntries(Object.entries(res.getHeaders()).filter(([name]) => !TRANSFER_HEADERS.has(name)));
      rendered.set(key, { view: viewJson, nonce, headers, html });
    });
    return pages(req, res);
  };
}

/** The event a plain page load of a buyer page addresses; undefined for anything else (Next's own requests included). */
function cacheable(req: IncomingMessage): PublicAddress | undefined {
  if (req.method !== 'GET' || req.headers.rsc || req.headers['next-router-state-tree'] || req.headers['next-router-prefetch']) return undefined;
  const eventKey = BUYER_PAGE.exec(req.url ?? '')?.[1];
  if (eventKey === undefined) return undefined;
  const workspaceKey = new URL(req.url!, 'http://page').searchParams.get('workspaceKey') ?? undefined;
  try {
    return { eventKey: decodeURIComponent(eventKey), workspaceKey };
  } catch {
    return undefined; // Not a key any event has: Next answers it.
  }
}

function serve(page: Rendered, nonce: string, req: IncomingMessage, res: ServerResponse): void {
  const html = Buffer.from(page.html.split(page.nonce).join(nonce));
  const encoding = acceptedEncoding(req);
  // A few kilobytes, compressed per answer (its nonce differs each time) at the quickest setting: measured on the
  // demo's 8 KB page, 30 µs for 2.5 KB where brotli's quality 4 took 95 µs for 2.2 KB.
  const body =
    encoding === 'br'
      ? brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_SIZE_HINT]: html.length } })
      : encoding === 'gzip'
        ? gzipSync(html, { level: 1 })
        : html;
  // Headers this response already has (its CSP, with its own nonce) stay; the rendered page's others join them.
  for (const [name, value] of Object.entries(page.headers)) if (!res.hasHeader(name) && value !== undefined) res.setHeader(name, value);
  res.writeHead(200, { ...(encoding ? { 'content-encoding': encoding } : {}), 'content-length': body.length });
  res.end(body);
}

/** Calls `done` with everything written to the response once it ends. */
function keepWhatIsWritten(res: ServerResponse, done: (body: string) => void): void {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const [write, end] = [res.write, res.end];
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse['write'];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== 'function') keep(chunk, rest[0]);
    done(Buffer.concat(chunks).toString('utf8'));
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse['end'];
}
