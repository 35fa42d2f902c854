import { stringify } from 'csv-stringify/sync';
import { organiserChangeRequest } from '../../../contracts/manage-api';
import type { FailureReason } from '../../booking/failures';
import type { RowPage } from '../../booking/exports';
import { problem } from '../problems';
import type { ApiResponse, Router } from '../router';
import { signedIn, type ManageContext } from './context';
import { parse } from './parse';

/*
 * One event at the box office: change places by hand, look one up, search, and export places and the log as CSV.
 * Everything goes through the booking layer's operations.
 */

/** Why a place could not be changed, in the box office's words. */
const conflictMessages: Record<FailureReason, string> = {
  object_not_found: 'is not on this chart',
  not_bookable: 'cannot be changed on its own',
  not_for_sale: 'is not for sale',
  not_in_channel: 'is kept for a sales channel',
  duplicate_object: 'is selected twice',
  already_taken: 'is not free',
  already_free: 'is already free',
  held_by_other_token: 'is held by a buyer',
  not_held_by_token: 'is held by a buyer',
  hold_token_required: 'is held by a buyer: their hold ends when they book or it expires',
  hold_token_invalid: 'is held by a buyer',
  hold_token_expired: 'is held by a buyer',
  previous_status_rejected: 'has changed since: its status is not the one expected',
  insufficient_capacity: 'has not enough free places',
  quantity_not_allowed: 'is one place: a quantity applies to standing areas only',
  too_many_places: 'is beyond the limit of places per order',
  too_many_places_for_client: 'is beyond the limit of places per buyer',
};

const notFound = (eventKey: string) => problem(404, `Event not found: ${eventKey}`);

/** CSV with a header row, a page of rows per chunk; cells that a spreadsheet would run as formulas are escaped. */
/**
 * A CSV download of rows read a page at a time as the response is written: `first` is the first page, `read` gives
 * the page that begins where the one before said.
 */
function csv<R>(
  filename: string,
  header: string[],
  first: RowPage<R>,
  read: (from: number) => Promise<RowPage<R> | undefined>,
  cells: (row: R) => unknown[],
): ApiResponse {
  const options = { escape_formulas: true };
  async function* chunks() {
    yield stringify([header], options);
    for (let page: RowPage<R> | undefined = first; page; page = page.next === null ? undefined : await read(page.next))
      yield stringify(page.rows.map(cells), options);
  }
  return {
    status: 200,
    stream: chunks(),
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` },
  };
}

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
/** Event keys may hold any character; file names get the safe ones. */
const fileSafe = (key: string) => key.replace(/[^\w.-]+/g, '_');

export function eventRoutes(router: Router<ManageContext>, workspaceId: number): void {
  router
    .on(
      'POST',
      '/events/:key/changes',
      signedIn(async (req, c) => {
        const body = parse(organiserChangeRequest, req.body);
        if (!body.ok) return body.response;
        const result = await c.booking.organiserChange(workspaceId, req.params.key!, body.value.steps);
        if (result.ok) return { status: 200, body: result.reply };
        if (result.failure.kind === 'event_not_found') return notFound(req.params.key!);
        const errors: Record<string, string[]> = {};
        for (const f of result.failure.failures) (errors[f.label] ??= []).push(conflictMessages[f.reason]);
        const count = Object.keys(errors).length;
        return problem(409, `${count} ${count === 1 ? 'place' : 'places'} could not be changed; nothing was changed`, errors);
      }),
    )
    .on(
      'GET',
      '/events/:key/places/:label',
      signedIn(async (req, c) => {
        const details = await c.booking.placeDetails(workspaceId, req.params.key!, req.params.label!);
        return details ? { status: 200, body: details } : problem(404, `Not found: ${req.params.label} on ${req.params.key}`);
      }),
    )
    .on(
      'GET',
      '/events/:key/search',
      signedIn(async (req, c) => {
        const query = (req.query.get('q') ?? '').trim();
        if (!query || query.length > 200) return problem(400, 'Invalid request', { q: ['a label or an order id, up to 200 characters'] });
        const found = await c.booking.searchPlaces(workspaceId, req.params.key!, query);
        return found ? { status: 200, body: found } : notFound(req.params.key!);
      }),
    )
    .on(
      'GET',
      '/events/:key/places.csv',
      signedIn(async (req, c) => {
        const read = async (from: number) => c.booking.placeRows(workspaceId, req.params.key!, from);
        const first = await read(0);
        if (!first) return notFound(req.params.key!);
        const header = ['label', 'type', 'section', 'category', 'status', 'quantity', 'price', 'ticketType', 'orderId', 'holdExpiresAt'];
        return csv(`${fileSafe(req.params.key!)}-places.csv`, header, first, read, (r) => [
          r.label,
          r.type,
          r.section,
          r.category,
          r.status,
          r.quantity,
          r.price,
          r.ticketType,
          r.orderId,
          iso(r.holdExpiresAt),
        ]);
      }),
    )
    .on(
      'GET',
      '/events/:key/status-changes.csv',
      signedIn(async (req, c) => {
        const read = async (after: number) => c.booking.logRows(workspaceId, req.params.key!, after);
        const first = await read(0);
        if (!first) return notFound(req.params.key!);
        const header = ['seq', 'time', 'label', 'status', 'quantity', 'orderId', 'origin', 'extraData'];
        return csv(`${fileSafe(req.params.key!)}-status-changes.csv`, header, first, read, (r) => [
          r.seq,
          iso(r.at),
          r.label,
          r.status,
          r.quantity,
          r.orderId,
          r.origin,
          r.extraData,
        ]);
      }),
    );
}
