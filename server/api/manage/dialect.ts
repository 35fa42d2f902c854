import { admitBrowser } from '../browser-admission';
import type { Dialect } from '../pipeline';
import { pipelineProblem } from '../problems';
import { RateLimiter } from '../rate-limit';
import { Router } from '../router';
import { manageContext, signedIn, type ManageContext } from './context';
import { webhookRoutes } from '../webhook-routes';
import { eventRoutes } from './event-routes';
import { sessionRoutes } from './session-routes';
import { venueRoutes } from './venue-routes';
import { workspaceRoutes } from './workspace-routes';

/**
 * The organiser API at `/api/manage`: what the organiser's pages call, with the session cookie and its CSRF token.
 * Only this server's own pages may call it from a browser.
 */

export type ManageOptions = {
  defaultWorkspaceId: number;
  now: () => number;
  /** TESSERA_SECRET_KEY fixes the secret key: rotating it from the box office would not outlive a restart. */
  secretKeyFromEnvironment: boolean;
  /** Whether webhooks may go to loopback and private addresses (tests, closed networks). */
  webhookAllowPrivate: boolean;
};

export function manageDialect(options: ManageOptions): Dialect<ManageContext> {
  const router = new Router<ManageContext>();
  // Ten attempts at once, then one every six seconds: a person mistyping never notices, a guesser gets nowhere.
  sessionRoutes(router, new RateLimiter({ perMinute: 10, burst: 10 }, options.now));
  workspaceRoutes(router, options.defaultWorkspaceId, options.secretKeyFromEnvironment);
  venueRoutes(router, options.defaultWorkspaceId);
  eventRoutes(router, options.defaultWorkspaceId);
  webhookRoutes(router, {
    guard: (handler) => signedIn((req, c) => handler(req, options.defaultWorkspaceId, c.booking)),
    allowPrivate: options.webhookAllowPrivate,
  });
  return {
    prefix: '/api/manage',
    router,
    context: (booking, _auth, req) => manageContext(booking, req),
    // Chart files of large venues run to tens of megabytes; a change may name a few thousand places.
    bodyLimit: (path) => (path === '/charts' ? 64 * 1024 * 1024 : path.endsWith('/changes') ? 1024 * 1024 : 64 * 1024),
    problem: pipelineProblem,
    admit: admitBrowser(new Set()),
  };
}
