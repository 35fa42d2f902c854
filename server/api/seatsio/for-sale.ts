import { z } from 'zod';
import type { Booking } from '../../booking/booking';
import { offSaleRequest, onSaleRequest } from '../../booking/box-office';
import { categoryKeysNamed, type Category } from '../../../contracts/chart';
import { FREE, NOT_FOR_SALE } from '../../../contracts/statuses';
import type { ObjectRef, ObjectView, StatusChangeRequest } from '../../booking/change-status';
import { gaCounts } from '../../booking/general-admission';
import type { ApiRequest, Router } from '../router';
import { withEvent, type SeatsioContext } from './context';
import { forSaleConfigReply } from './replies';
import { changeRefused, error, ok, parse } from './responses';
import * as schemas from './schemas';

/*
 * seats.io's for-sale config, on the box office's mechanism: an object or standing place off sale has the reserved
 * status `notForSale` (so nobody can hold or book it, and every chart shows it unavailable). This dialect reports
 * such objects as seats.io does: status free, `forSale: false`, availability reason `not_for_sale`.
 */

/** What is off sale at the event, as seats.io's `forSaleConfig`; null when everything is for sale. */
export async function forSaleConfig(booking: Booking, eventId: number): Promise<z.infer<typeof forSaleConfigReply> | null> {
  const { objects, areaPlaces } = await booking.offSalePlaces(eventId);
  return objects.length || Object.keys(areaPlaces).length ? { forSale: false, objects, areaPlaces, categories: [] } : null;
}

type Places = z.infer<typeof schemas.forSalePlaces>;

const refs = (places: Places) => places.map(({ object, quantity }) => ({ label: object, ...(quantity !== undefined ? { quantity } : {}) }));

/** The status changes of one event's edit: `notForSale` places off sale, `forSale` places back on. */
const editRequests = (key: string, { forSale = [], notForSale = [] }: { forSale?: Places; notForSale?: Places }) => [
  ...(notForSale.length ? [offSaleRequest(key, refs(notForSale))] : []),
  ...(forSale.length ? [onSaleRequest(key, refs(forSale))] : []),
];

const NO_RATE_LIMIT = { rateLimitRemainingCalls: null, rateLimitResetDate: null };

type Named = z.infer<typeof schemas.replaceForSaleConfigBody>;

/**
 * The changes that make an event's config what seats.io's replace calls ask: with `forSale`, only what is named is
 * for sale (`mark-as-for-sale`); without, only what is named is not (`mark-as-not-for-sale`). Names are object
 * labels, standing places by quantity (`areaPlaces`) and categories by key or label. Free places go off sale and
 * off-sale places come back; places taken (held, booked, in a venue's status) keep their status, as nobody can buy
 * them anyway. An unknown name is refused, naming it.
 */
function replacement(views: ObjectView[], categories: Category[], eventKey: string, forSale: boolean, named: Named): StatusChangeRequest[] | string {
  const objects = new Set(named.objects ?? []);
  const areaPlaces = new Map(Object.entries(named.areaPlaces ?? {}));
  const chosenCategories = (named.categories ?? []).map(String);
  const keys = categoryKeysNamed(categories, chosenCategories);
  const labels = new Set(views.map((v) => v.object.label));
  const unknown = [
    ...[...objects].filter((l) => !labels.has(l)),
    ...[...areaPlaces.keys()].filter((l) => !views.some((v) => v.ga && v.object.label === l)),
    ...chosenCategories.filter((c) => !categoryKeysNamed(categories, [c]).size).map((c) => `category ${c}`),
  ];
  if (unknown.length) return `Not on this event's chart: ${unknown.join(', ')}`;
  const off: ObjectRef[] = [];
  const on: ObjectRef[] = [];
  for (const view of views) {
    const { label, categoryKey } = view.object;
    const listed = objects.has(label) || (categoryKey !== undefined && keys.has(categoryKey));
    if (view.ga) {
      const counts = gaCounts(view.ga);
      const offNow = counts.byStatus.get(NOT_FOR_SALE) ?? 0;
      const open = counts.numFree + offNow;
      const named = Math.min(open, areaPlaces.get(label) ?? (listed ? open : 0));
      const delta = (forSale ? open - named : named) - offNow;
      if (delta > 0) off.push({ label, quantity: delta });
      if (delta < 0) on.push({ label, quantity: -delta });
    } else {
      const wantOff = forSale !== listed;
      if (wantOff && view.seat?.status === FREE) off.push({ label });
      if (!wantOff && view.seat?.status === NOT_FOR_SALE) on.push({ label });
    }
  }
  return [...(off.length ? [offSaleRequest(eventKey, off)] : []), ...(on.length ? [onSaleRequest(eventKey, on)] : [])];
}

export function forSaleRoutes(router: Router<SeatsioContext>): void {
  router
    .on(
      'POST',
      '/events/:key/actions/edit-for-sale-config',
      async (req, c) => {
        const body = parse(schemas.editForSaleConfigBody, req.body);
        if (!body.ok) return body.response;
        const key = req.params.key!;
        const result = await c.booking.changeObjectStatus(c.workspace.id, editRequests(key, body.value));
        if (!result.ok) return changeRefused(result.failure);
        return withEvent(c, key, async (event) => ok(await editResult(c, event.id)));
      },
      {
        summary: 'Take places off sale, or put them back',
        description:
          'All in one change: `notForSale` places (free ones; standing places by `quantity`) go off sale, `forSale` places (off sale ones) come back. Off-sale places show as `forSale: false`, availability reason `not_for_sale`. Whole categories: `mark-as-for-sale` and `mark-as-not-for-sale`.',
        access: 'secretKey',
        body: schemas.editForSaleConfigBody,
        responses: { 200: { description: 'The config after the change', schema: editResultReply } },
      },
    )
    .on(
      'POST',
      '/events/actions/edit-for-sale-config',
      async (req, c) => {
        const body = parse(schemas.editForSaleConfigForEventsBody, req.body);
        if (!body.ok) return body.response;
        const edits = Object.entries(body.value.events);
        const result = await c.booking.changeObjectStatus(
          c.workspace.id,
          edits.flatMap(([key, edit]) => editRequests(key, edit)),
        );
        if (!result.ok) return changeRefused(result.failure);
        const results = new Map<string, z.infer<typeof editResultReply>>();
        for (const [key] of edits) {
          const event = await c.booking.eventByKey(c.workspace.id, key);
          if (event) results.set(key, await editResult(c, event.id));
        }
        return ok(Object.fromEntries(results));
      },
      {
        summary: 'Take places off sale, or put them back, at several events',
        description: 'As the edit of one event, for each event named, all in one change: if one edit is refused, none is made.',
        access: 'secretKey',
        body: schemas.editForSaleConfigForEventsBody,
        responses: { 200: { description: "Each event's config after the change", schema: z.record(z.string(), editResultReply) } },
      },
    )
    .on(
      'POST',
      '/events/:key/actions/mark-everything-as-for-sale',
      async (req, c) =>
        await withEvent(c, req.params.key!, async (event) => {
          const { objects, areaPlaces } = await c.booking.offSalePlaces(event.id);
          const places = [...objects.map((label) => ({ label })), ...Object.entries(areaPlaces).map(([label, quantity]) => ({ label, quantity }))];
          if (!places.length) return ok();
          const result = await c.booking.changeObjectStatus(c.workspace.id, [onSaleRequest(event.key, places)]);
          return result.ok ? ok() : changeRefused(result.failure);
        }),
      { summary: 'Put everything off sale back on sale', access: 'secretKey', responses: { 204: { description: 'Everything is for sale' } } },
    );
  /** Brings the event's config to what is asked (see `replacement`). */
  const replaceConfig = async (c: SeatsioContext, key: string, forSale: boolean, named: Named) =>
    await withEvent(c, key, async (event) => {
      const requests = replacement(await c.booking.eventObjectViews(event), event.chart.definition.categories, event.key, forSale, named);
      if (typeof requests === 'string') return error('INVALID_REQUEST', requests);
      if (!requests.length) return ok();
      const result = await c.booking.changeObjectStatus(c.workspace.id, requests);
      return result.ok ? ok() : changeRefused(result.failure);
    });
  const replace = (forSale: boolean) => (req: ApiRequest, c: SeatsioContext) => {
    const body = parse(schemas.replaceForSaleConfigBody, req.body ?? {});
    return body.ok ? replaceConfig(c, req.params.key!, forSale, body.value) : body.response;
  };
  const replaceDoc = (what: string) => ({
    summary: what,
    description:
      'Replaces the config: `objects`, `areaPlaces` (standing places by quantity) and `categories` (keys or labels) name what it is about. Free places go off sale and off-sale places come back; held, booked or otherwise taken places keep their status.',
    access: 'secretKey' as const,
    body: schemas.replaceForSaleConfigBody,
    responses: { 204: { description: 'The config is replaced' } },
  });
  router
    .on('POST', '/events/:key/actions/mark-as-for-sale', replace(true), replaceDoc('Only what is named is for sale'))
    .on('POST', '/events/:key/actions/mark-as-not-for-sale', replace(false), replaceDoc('Only what is named is not for sale'))
    // Only what is named (nothing) is for sale.
    .on('POST', '/events/:key/actions/mark-everything-as-not-for-sale', (req, c) => replaceConfig(c, req.params.key!, true, {}), {
      summary: 'Nothing is for sale',
      description: 'Every free place goes off sale; held, booked or otherwise taken places keep their status.',
      access: 'secretKey',
      responses: { 204: { description: 'Nothing is for sale' } },
    });
}

/** What an edit answers: the event's config after it (Tessera does not limit how often the config changes). */
async function editResult(c: SeatsioContext, eventId: number) {
  return {
    forSaleConfig: (await forSaleConfig(c.booking, eventId)) ?? { forSale: false, objects: [], areaPlaces: {}, categories: [] },
    rateLimitInfo: NO_RATE_LIMIT,
  };
}

const editResultReply = z.object({
  forSaleConfig: forSaleConfigReply,
  rateLimitInfo: z.object({ rateLimitRemainingCalls: z.null(), rateLimitResetDate: z.null() }),
});
