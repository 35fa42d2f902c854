import { admitBrowser } from '../browser-admission';
import type { Dialect, Problem } from '../pipeline';
import { problem } from '../problems';
import { RateLimiter } from '../rate-limit';
import { Router } from '../router';
import { manageContext, type ManageContext } from './context';
import { eventRoutes } from './event-routes';
import { sessionRoutes } from './session-routes';
import { venueRoutes } from './venue-routes';
import { workspaceRoutes } from './workspace-routes';

/**
 * The organiser API at `/api/manage`: what the organiser's pages call, with the session cookie and its CSRF token.
 * Only this server's own pages may call it from a browser.
 */

const statusOf: Record<Problem, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  malformed_json: 400,
  too_large: 413,
  internal_error: 500,
};

export type ManageOptions = {
  defaultWorkspaceId: number;
  now: () => number;
  /** TESSERA_SECRET_KEY fixes the secret key: rotating it from the box office would not outlive a restart. */
  secretKeyFromEnvironment: boolean;
};

export function manageDialect(options: ManageOptions): Dialect<ManageContext> {
  const router = new Router<ManageContext>();
  // Ten attempts at once, then one every six seconds: a person mistyping never notices, a guesser gets nowhere.
  sessionRoutes(router, new RateLimiter({ perMinute: 10, burst: 10 }, options.now));
  workspaceRoutes(router, options.defaultWorkspaceId, options.secretKeyFromEnvironment);
  venueRoutes(router, options.defaultWorkspaceId);
  eventRoutes(router, options.defaultWorkspaceId);
  return {
    prefix: '/api/manage',
    router,
    context: (booking, _workspace, req) => manageContext(booking, req),
    // Chart files of large venues run to tens of megabytes; a change may name a few thousand places.
    bodyLimit: (path) => (path === '/charts' ? 64 * 1024 * 1024 : path.endsWith('/changes') ? 1024 * 1024 : 64 * 1024),
    problem: (kind, message) => problem(statusOf[kind], message),
    admit: admitBrowser(new Set()),
  };
}
