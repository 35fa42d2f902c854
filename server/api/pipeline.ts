import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodType } from 'zod';
import type { Booking } from '../booking/booking';
import { authenticate, type Auth } from './authenticate';
import { clientKey, isSecure, type TrustProxy } from './client-address';
import { readJsonBody } from './read-body';
import type { ApiResponse, Router } from './router';

/*
 * The request pipeline every API dialect shares, knowing none of them: route, authenticate, read the body,
 * run the handler, and answer every refusal in the dialect's own error shape.
 */

/** Why the pipeline refuses a request before (or instead of) its handler. */
export type Problem = 'unauthorized' | 'forbidden' | 'not_found' | 'method_not_allowed' | 'malformed_json' | 'too_large' | 'internal_error';

/** One API dialect: its routes, the context its handlers get, and its own error shape. */
export type Dialect<C> = {
  /** Where it is mounted: `/api`, `/api/v1`. */
  prefix: string;
  router: Router<C>;
  /** The handlers' context, or null when the request needs credentials it did not bring (→ 401). */
  context: (booking: Booking, auth: Auth | null, req: IncomingMessage) => C | null | Promise<C | null>;
  bodyLimit: (path: string) => number;
  problem: (problem: Problem, message: string) => ApiResponse;
  /**
   * Checks a request before it is routed: an answer of its own (a refusal, a CORS preflight), or headers every
   * answer to it carries. For dialects that browsers call.
   */
  admit?: (req: IncomingMessage) => { answer: ApiResponse } | { headers: Record<string, string> };
  /** How the public API reference (`/api/openapi.json`) presents this dialect; absent for private ones. */
  reference?: { tag: string; description: string; error: ZodType };
};

function forwardedFor(req: IncomingMessage): string | undefined {
  const header = req.headers['x-forwarded-for'];
  return Array.isArray(header) ? header.join(',') : header;
}

type Serve = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export type MountedDialect = { prefix: string; serve: Serve };

/**
 * Writes a streamed answer: a chunk, then the next once the client has taken it (and after other requests had
 * their turn), until the end or until the client goes away.
 */
async function sendStream(res: ServerResponse, response: ApiResponse & { stream: AsyncIterable<string> }, extraHeaders: Record<string, string>): Promise<void> {
  res.writeHead(response.status, { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extraHeaders, ...response.headers });
  for await (const chunk of response.stream) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    else await new Promise((resolve) => setImmediate(resolve));
  }
  res.end();
}

function sendResponse(res: ServerResponse, response: ApiResponse, extraHeaders: Record<string, string> = {}): void {
  const body = response.raw ?? (response.body === undefined ? '' : JSON.stringify(response.body));
  res.writeHead(response.status, {
    ...(body.length ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extraHeaders,
    ...response.headers,
  });
  res.end(body);
}

export function serveDialect<C>(booking: Booking, dialect: Dialect<C>, trustProxy: TrustProxy): MountedDialect {
  const serve: Serve = async (req, res, url) => {
    let headers: Record<string, string> = {};
    const send = (response: ApiResponse) =>
      response.stream ? sendStream(res, { ...response, stream: response.stream }, headers) : sendResponse(res, response, headers);
    try {
      const admitted = dialect.admit?.(req);
      if (admitted && 'answer' in admitted) return send(admitted.answer);
      headers = admitted?.headers ?? {};
      const path = url.pathname.slice(dialect.prefix.length) || '/';
      const method = req.method ?? 'GET';
      const match = dialect.router.match(method, path);
      if (match === 'not_found') return send(dialect.problem('not_found', `No such endpoint: ${method} ${url.pathname}`));
      if (match === 'method_not_allowed') return send(dialect.problem('method_not_allowed', `Method not allowed: ${method} ${url.pathname}`));
      const auth = await authenticate(booking, req);
      const context = typeof auth === 'number' ? null : await dialect.context(booking, auth, req);
      if (!context) {
        req.resume();
        return send(
          auth === 403
            ? dialect.problem('forbidden', 'This key may not act on that workspace')
            : dialect.problem('unauthorized', 'A valid secret key is required'),
        );
      }
      const body = await readJsonBody(req, dialect.bodyLimit(path));
      if (!body.ok) {
        return send(
          body.reason === 'too_large'
            ? dialect.problem('too_large', 'Request body too large')
            : dialect.problem('malformed_json', 'Request body is not valid JSON'),
        );
      }
      const request = {
        method,
        path,
        params: match.params,
        query: url.searchParams,
        headers: req.headers,
        client: clientKey(req.socket.remoteAddress ?? '', forwardedFor(req), trustProxy),
        secure: isSecure(req, trustProxy),
        body: body.body,
      };
      const response = match.handler(request, context);
      await send(response instanceof Promise ? await response : response);
    } catch (cause) {
      // Unknown errors are bugs: logged here, never leaked to the client.
      console.error('API request failed', req.method, req.url, cause);
      if (!res.headersSent) send(dialect.problem('internal_error', 'Internal error'));
      else res.destroy();
    }
  };
  return { prefix: dialect.prefix, serve };
}

/** Serves each dialect under its prefix, straight from node:http; the longest matching prefix wins. */
export function createApiHandler(dialects: MountedDialect[]): Serve {
  const byLength = [...dialects].sort((a, b) => b.prefix.length - a.prefix.length);
  return (req, res, url) => {
    const mounted = byLength.find((d) => url.pathname === d.prefix || url.pathname.startsWith(`${d.prefix}/`)) ?? byLength.at(-1)!;
    return mounted.serve(req, res, url);
  };
}
