import type { Dialect, Problem } from '../pipeline';
import { Router } from '../router';
import { chartRoutes } from './charts';
import type { SeatsioContext } from './context';
import { channelRoutes } from './channels';
import { chartReportRoutes } from './chart-reports';
import { chartVersionRoutes } from './chart-versions';
import { eventRoutes } from './events';
import { forSaleRoutes } from './for-sale';
import { holdTokenRoutes } from './hold-tokens';
import { objectActionRoutes } from './object-actions';
import { objectInfoRoutes } from './object-info';
import { reportRoutes } from './reports';
import { seatsioErrorReply } from './replies';
import { error, type ErrorCode } from './responses';
import { workspaceRoutes } from './workspaces';

/**
 * The seats.io-compatible dialect at `/api`: what integrators drive with the official `seatsio` client, by
 * changing only its base URL. Every request needs a workspace secret key (HTTP basic auth, as username).
 */

const JSON_LIMIT = 1024 * 1024;
/** Chart files of 100,000-seat venues run to tens of megabytes. */
const CHART_LIMIT = 64 * 1024 * 1024;

const codeOf: Record<Exclude<Problem, 'unauthorized' | 'forbidden'>, ErrorCode> = {
  not_found: 'NOT_FOUND',
  method_not_allowed: 'METHOD_NOT_ALLOWED',
  malformed_json: 'INVALID_REQUEST',
  too_large: 'PAYLOAD_TOO_LARGE',
  internal_error: 'INTERNAL_ERROR',
};

export function seatsioDialect(): Dialect<SeatsioContext> {
  const router = new Router<SeatsioContext>();
  // For-sale actions before objectActionRoutes, whose `/events/:key/actions/:action` would take them.
  for (const routes of [
    holdTokenRoutes,
    workspaceRoutes,
    chartRoutes,
    chartVersionRoutes,
    eventRoutes,
    channelRoutes,
    forSaleRoutes,
    objectActionRoutes,
    objectInfoRoutes,
    reportRoutes,
    chartReportRoutes,
  ])
    routes(router);
  return {
    prefix: '/api',
    router,
    context: (booking, auth) => (auth ? { booking, workspace: auth.workspace, admin: auth.admin } : null),
    bodyLimit: (path) => (path === '/charts' ? CHART_LIMIT : JSON_LIMIT),
    // 401/403 with an empty body, as seats.io answers.
    reference: {
      tag: 'seats.io-compatible API',
      description:
        "`/api`: seats.io's REST API, driven with the official seats.io clients by changing their base URL. Every request needs the workspace secret key.",
      error: seatsioErrorReply,
    },
    problem: (kind, message) => (kind === 'unauthorized' ? { status: 401 } : kind === 'forbidden' ? { status: 403 } : error(codeOf[kind], message)),
  };
}
