import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Workspace } from '../../db/schema';
import type { BookingContext } from '../booking/context';
import { workspaceByKey } from '../booking/workspaces';
import type { Dialect, DialectContext } from './dialect';
import { readJsonBody, type ApiResponse } from './http';
import { problem } from './seat/errors';
import { seatRoutes, type SeatOptions } from './seat/routes';
import { error } from './seatsio/errors';
import { seatsioRoutes, type SeatsioContext } from './seatsio/routes';

const JSON_LIMIT = 1024 * 1024;
/** Chart files of 100,000-seat venues run to tens of megabytes. */
const CHART_LIMIT = 64 * 1024 * 1024;

/** HTTP basic auth with the secret key as username (seats.io convention); the password is ignored. */
function secretKeyOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon >= 0 ? decoded.slice(0, colon) : decoded;
  return user || undefined;
}

/**
 * The workspace a request acts on: null without credentials, 401/403 for wrong ones (empty body, as seats.io
 * does). The default workspace's secret key may address another workspace through X-Workspace-Key.
 */
function authenticate(booking: BookingContext, req: IncomingMessage): Workspace | null | 401 | 403 {
  const secret = secretKeyOf(req);
  if (!secret) return req.headers.authorization ? 401 : null;
  const workspace = booking.statements.workspaceBySecretKey.get({ secretKey: secret });
  if (!workspace) return 401;
  const header = req.headers['x-workspace-key'];
  const requested = Array.isArray(header) ? header[0] : header;
  if (!requested || requested === workspace.key) return workspace;
  if (!workspace.isDefault) return 403;
  return workspaceByKey(booking.db, requested) ?? 403;
}

function send(res: ServerResponse, response: ApiResponse): void {
  const body = response.body === undefined ? '' : JSON.stringify(response.body);
  res.writeHead(response.status, {
    ...(body ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...response.headers,
  });
  res.end(body);
}

function seatsioDialect(): Dialect<SeatsioContext> {
  const statusOf = {
    not_found: 'NOT_FOUND',
    method_not_allowed: 'METHOD_NOT_ALLOWED',
    malformed_json: 'INVALID_REQUEST',
    too_large: 'PAYLOAD_TOO_LARGE',
    rate_limited: 'RATE_LIMITED',
  } as const;
  return {
    prefix: '/api',
    router: seatsioRoutes(),
    context: (booking, workspace) => (workspace ? { booking, workspace } : null),
    bodyLimit: (path) => (path === '/charts' ? CHART_LIMIT : JSON_LIMIT),
    problem: (kind, message) => error(statusOf[kind], message),
    internalError: () => error('INTERNAL_ERROR', 'Internal error'),
  };
}

function seatDialect(options: SeatOptions): Dialect<DialectContext> {
  const statusOf = { not_found: 404, method_not_allowed: 405, malformed_json: 400, too_large: 413, rate_limited: 429 } as const;
  return {
    prefix: '/api/v1',
    router: seatRoutes(options),
    context: (booking, workspace) => ({ booking, workspace }),
    bodyLimit: () => JSON_LIMIT,
    problem: (kind, message) => problem(statusOf[kind], message),
    internalError: () => problem(500, 'Internal error'),
  };
}

type Serve = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

/** The request pipeline every dialect shares: route, authenticate, read the body, handle, answer errors its way. */
function serveDialect<C>(booking: BookingContext, dialect: Dialect<C>): Serve {
  return async (req, res, url) => {
    try {
      const path = url.pathname.slice(dialect.prefix.length) || '/';
      const method = req.method ?? 'GET';
      const match = dialect.router.match(method, path);
      if (match === 'not_found') return send(res, dialect.problem('not_found', `No such endpoint: ${method} ${url.pathname}`));
      if (match === 'method_not_allowed') return send(res, dialect.problem('method_not_allowed', `Method not allowed: ${method} ${url.pathname}`));
      const workspace = authenticate(booking, req);
      const context = typeof workspace === 'number' ? null : dialect.context(booking, workspace);
      if (!context) {
        req.resume();
        return send(res, { status: workspace === 403 ? 403 : 401 });
      }
      const body = await readJsonBody(req, dialect.bodyLimit(path));
      if (!body.ok) {
        return send(
          res,
          body.reason === 'too_large'
            ? dialect.problem('too_large', 'Request body too large')
            : dialect.problem('malformed_json', 'Request body is not valid JSON'),
        );
      }
      send(
        res,
        match.handler(
          { method, path, params: match.params, query: url.searchParams, headers: req.headers, clientIp: req.socket.remoteAddress ?? '', body: body.body },
          context,
        ),
      );
    } catch (cause) {
      // Unknown errors are bugs: logged here, never leaked to the client.
      console.error('API request failed', req.method, req.url, cause);
      if (!res.headersSent) send(res, dialect.internalError());
      else res.destroy();
    }
  };
}

/** Serves `/api/v1/*` (seat dialect) and `/api/*` (seats.io dialect) straight from node:http, without Next. */
export function createApiHandler(booking: BookingContext, options: SeatOptions): Serve {
  const seat = serveDialect(booking, seatDialect(options));
  const seatsio = serveDialect(booking, seatsioDialect());
  return (req, res, url) => (url.pathname === '/api/v1' || url.pathname.startsWith('/api/v1/') ? seat(req, res, url) : seatsio(req, res, url));
}
