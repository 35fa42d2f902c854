import { z } from 'zod';
import type { Booking } from '../../booking/booking';
import { offSaleRequest, onSaleRequest } from '../../booking/box-office';
import type { Router } from '../router';
import { withEvent, type SeatsioContext } from './context';
import { forSaleConfigReply } from './replies';
import { changeRefused, ok, parse } from './responses';
import * as schemas from './schemas';

/*
 * seats.io's for-sale config, on the box office's mechanism: an object or standing place off sale has the reserved
 * status `notForSale` (so nobody can hold or book it, and every chart shows it unavailable). This dialect reports
 * such objects as seats.io does: status free, `forSale: false`, availability reason `not_for_sale`.
 */

/** What is off sale at the event, as seats.io's `forSaleConfig`; null when everything is for sale. */
export function forSaleConfig(booking: Booking, eventId: number): z.infer<typeof forSaleConfigReply> | null {
  const { objects, areaPlaces } = booking.offSalePlaces(eventId);
  return objects.length || Object.keys(areaPlaces).length ? { forSale: false, objects, areaPlaces, categories: [] } : null;
}

type Places = z.infer<typeof schemas.forSalePlaces>;

const refs = (places: Places) => places.map(({ object, quantity }) => ({ label: object, ...(quantity !== undefined ? { quantity } : {}) }));

export function forSaleRoutes(router: Router<SeatsioContext>): void {
  router
    .on(
      'POST',
      '/events/:key/actions/edit-for-sale-config',
      (req, c) => {
        const body = parse(schemas.editForSaleConfigBody, req.body);
        if (!body.ok) return body.response;
        const key = req.params.key!;
        const { forSale = [], notForSale = [] } = body.value;
        const requests = [
          ...(notForSale.length ? [offSaleRequest(key, refs(notForSale))] : []),
          ...(forSale.length ? [onSaleRequest(key, refs(forSale))] : []),
        ];
        const result = c.booking.changeObjectStatus(c.workspace.id, requests);
        if (!result.ok) return changeRefused(result.failure);
        return withEvent(c, key, (event) =>
          ok({
            forSaleConfig: forSaleConfig(c.booking, event.id) ?? { forSale: false, objects: [], areaPlaces: {}, categories: [] },
            // Tessera does not limit how often the config changes.
            rateLimitInfo: { rateLimitRemainingCalls: null, rateLimitResetDate: null },
          }),
        );
      },
      {
        summary: 'Take places off sale, or put them back',
        description:
          'All in one change: `notForSale` places (free ones; standing places by `quantity`) go off sale, `forSale` places (off sale ones) come back. Off-sale places show as `forSale: false`, availability reason `not_for_sale`. Category-wide configs are not supported.',
        access: 'secretKey',
        body: schemas.editForSaleConfigBody,
        responses: {
          200: {
            description: 'The config after the change',
            schema: z.object({
              forSaleConfig: forSaleConfigReply,
              rateLimitInfo: z.object({ rateLimitRemainingCalls: z.null(), rateLimitResetDate: z.null() }),
            }),
          },
        },
      },
    )
    .on(
      'POST',
      '/events/:key/actions/mark-everything-as-for-sale',
      (req, c) =>
        withEvent(c, req.params.key!, (event) => {
          const { objects, areaPlaces } = c.booking.offSalePlaces(event.id);
          const places = [...objects.map((label) => ({ label })), ...Object.entries(areaPlaces).map(([label, quantity]) => ({ label, quantity }))];
          if (!places.length) return ok();
          const result = c.booking.changeObjectStatus(c.workspace.id, [onSaleRequest(event.key, places)]);
          return result.ok ? ok() : changeRefused(result.failure);
        }),
      { summary: 'Put everything off sale back on sale', access: 'secretKey', responses: { 204: { description: 'Everything is for sale' } } },
    );
}
