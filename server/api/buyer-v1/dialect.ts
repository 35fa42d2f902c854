import type { Dialect, Problem } from '../pipeline';
import { Router } from '../router';
import { chartRoutes } from './charts';
import type { BuyerContext, BuyerOptions } from './context';
import { holdTokenRoutes } from './hold-tokens';
import { holdRoutes } from './holds';
import { webhookRoutes } from './webhooks';
import { admitBrowser } from '../browser-admission';
import { problem } from '../problems';

/**
 * The buyer API at `/api/v1`: what a buyer's browser and simple integrations use. The hold token is the buyer's
 * credential: holding, releasing one's own holds and reading one's token need no secret key.
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

export function buyerDialect(options: BuyerOptions): Dialect<BuyerContext> {
  const router = new Router<BuyerContext>().on('GET', '/health', () => ({ status: 200, body: { ok: true } }));
  holdRoutes(router, options);
  holdTokenRoutes(router);
  chartRoutes(router);
  webhookRoutes(router, options);
  return {
    prefix: '/api/v1',
    router,
    context: (booking, workspace) => ({ booking, workspace }),
    bodyLimit: () => 1024 * 1024,
    problem: (kind, message) => problem(statusOf[kind], message),
    admit: admitBrowser(options.allowedOrigins),
  };
}
