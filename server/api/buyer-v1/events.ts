import { publicEventReply } from '../../../contracts/buyer-api';
import type { Router } from '../router';
import { addressOf, workspaceQuery, type BuyerContext } from './context';
import { eventNotFound } from './responses';

/**
 * `GET /events/{key}`: an event as buyers see it, for a chart embedded in another site (`/chart.js`), which has no
 * page of ours to carry it. The venue itself is behind `chartUrl`.
 */
export function eventRoutes(router: Router<BuyerContext>): void {
  router.on(
    'GET',
    '/events/:key',
    async (req, c) => {
      const event = await c.booking.publicEvent(addressOf(c, req));
      return event ? { status: 200, body: event, headers: { 'cache-control': 'no-cache' } } : eventNotFound(req.params.key!);
    },
    {
      summary: 'An event as buyers see it',
      description: "Its name, its workspace's public key, prices, sales settings and the URL of its chart document.",
      access: 'anyone',
      query: workspaceQuery,
      responses: { 200: { description: 'The event', schema: publicEventReply } },
    },
  );
}
