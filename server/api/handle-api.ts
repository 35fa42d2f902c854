import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Workspace } from '../../db/schema';
import type { BookingContext } from '../booking/context';
import { workspaceByKey, workspaceBySecretKey } from '../booking/workspaces';
import { readJsonBody, type ApiResponse } from './http';
import { error } from './seatsio/errors';
import { seatsioRoutes } from './seatsio/routes';

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
 * The workspace a request acts on, or the status to refuse it with (401/403, empty body as seats.io does).
 * The default workspace's secret key may address another workspace through X-Workspace-Key.
 */
function authenticate(booking: BookingContext, req: IncomingMessage): Workspace | 401 | 403 {
  const secret = secretKeyOf(req);
  if (!secret) return 401;
  const workspace = workspaceBySecretKey(booking.db, secret);
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

/** Serves `/api/*` (the seats.io dialect) straight from node:http, without going through Next. */
export function createApiHandler(booking: BookingContext) {
  const seatsio = seatsioRoutes();
  return async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    try {
      const path = url.pathname.slice('/api'.length) || '/';
      const method = req.method ?? 'GET';
      const match = seatsio.match(method, path);
      if (match === 'not_found') return send(res, error('NOT_FOUND', `No such endpoint: ${method} ${url.pathname}`));
      if (match === 'method_not_allowed') return send(res, error('METHOD_NOT_ALLOWED', `Method not allowed: ${method} ${url.pathname}`));
      const workspace = authenticate(booking, req);
      if (typeof workspace === 'number') {
        req.resume();
        return send(res, { status: workspace });
      }
      const body = await readJsonBody(req, path === '/charts' ? CHART_LIMIT : JSON_LIMIT);
      if (!body.ok) {
        return send(res, body.reason === 'too_large' ? error('PAYLOAD_TOO_LARGE', 'Request body too large') : error('INVALID_REQUEST', 'Request body is not valid JSON'));
      }
      send(res, match.handler({ method, path, params: match.params, query: url.searchParams, headers: req.headers, body: body.body }, { booking, workspace }));
    } catch (cause) {
      // Unknown errors are bugs: logged here, never leaked to the client.
      console.error('API request failed', req.method, req.url, cause);
      if (!res.headersSent) send(res, error('INTERNAL_ERROR', 'Internal error'));
      else res.destroy();
    }
  };
}
