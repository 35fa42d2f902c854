import { z } from 'zod';
import type { Dialect } from '../pipeline';
import { Router } from '../router';
import { chartRoutes } from './charts';
import { eventRoutes } from './events';
import type { BuyerContext, BuyerOptions } from './context';
import { holdTokenRoutes } from './hold-tokens';
import { holdRoutes } from './holds';
import { admitBrowser } from '../browser-admission';
import { pipelineProblem, problem } from '../problems';
import { webhookRoutes } from '../webhook-routes';
import { problemReply } from '../../../contracts/buyer-api';

/**
 * The buyer API at `/api/v1`: what a buyer's browser and simple integrations use. The hold token is the buyer's
 * credential: holding, releasing one's own holds and reading one's token need no secret key.
 */

export function buyerDialect(options: BuyerOptions): Dialect<BuyerContext> {
  const router = new Router<BuyerContext>().on('GET', '/health', () => ({ status: 200, body: { ok: true } }), {
    summary: 'Whether the server answers',
    access: 'anyone',
    responses: { 200: { description: 'It does', schema: z.object({ ok: z.literal(true) }) } },
  });
  holdRoutes(router, options);
  holdTokenRoutes(router);
  chartRoutes(router);
  eventRoutes(router);
  webhookRoutes(router, {
    // The venue only: anonymous callers get 401 and learn nothing.
    guard: (handler) => (req, c) => (c.workspace ? handler(req, c.workspace.id, c.booking) : problem(401, 'Webhooks need the workspace secret key')),
    allowPrivate: options.webhookAllowPrivate,
  });
  return {
    prefix: '/api/v1',
    router,
    context: (booking, auth) => ({ booking, workspace: auth?.workspace ?? null }),
    bodyLimit: () => 1024 * 1024,
    problem: pipelineProblem,
    admit: admitBrowser(options.allowedOrigins),
    reference: {
      tag: 'Buyer API',
      description:
        "`/api/v1`: what a buyer's browser and simple integrations use. The hold token is the buyer's credential; the workspace secret key lifts the buyer's limits and manages webhooks. Event keys are unique within a workspace: a buyer names the event's workspace by its public key (`?workspaceKey=`), except for the default workspace's events.",
      error: problemReply,
    },
  };
}
