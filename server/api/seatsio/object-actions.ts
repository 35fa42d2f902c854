import { z } from 'zod';
import type { ObjectRef, ObjectView, StatusChangeRequest } from '../../booking/change-status';
import { BOOKED, FREE, HELD } from '../../../contracts/statuses';
import type { ApiResponse, Router } from '../router';
import { withEvent, type SeatsioContext } from './context';
import { objectsByLabel } from './object-info';
import { objectsReply } from './replies';
import { changeRefused, error, objectsNotFound, ok, parse } from './responses';
import * as schemas from './schemas';

/**
 * Status changes: `/events/{key}/actions/{book,hold,release,change-object-status}` (with best available), the
 * group form over several events, the ordered batch, and extra data.
 */
export function objectActionRoutes(router: Router<SeatsioContext>): void {
  router
    .on(
      'POST',
      '/events/actions/change-object-status',
      (req, c) => {
        const body = parse(schemas.batchChangeBody, req.body);
        if (!body.ok) return body.response;
        const requests: StatusChangeRequest[] = [];
        for (const change of body.value.statusChanges) {
          const request = changeRequest([change.event], change);
          if (!request.ok) return request.response;
          requests.push(request.value);
        }
        return runRequests(c, requests, (results) => ok({ results: results.map((views) => ({ objects: objectsByLabel(views) })) }));
      },
      {
        summary: 'Change object statuses in several events, in order',
        description: 'Every change or none: a refused object anywhere refuses the batch.',
        access: 'secretKey',
        body: schemas.batchChangeBody,
        responses: { 200: { description: "Each change's objects", schema: z.object({ results: z.array(objectsReply) }) } },
      },
    )
    .on('POST', '/events/actions/update-extra-data', () => error('NOT_FOUND', 'Use /events/{eventKey}/actions/update-extra-data'), {
      summary: 'Not an endpoint',
      description: 'Answers 404 naming `/events/{eventKey}/actions/update-extra-data`, for clients that guess this path.',
      access: 'secretKey',
      responses: {},
    })
    // Before `/events/:key/actions/:action`, which would take `groups` for an event key.
    .on(
      'POST',
      '/events/groups/actions/change-object-status',
      (req, c) => {
        const body = parse(schemas.groupChangeBody, req.body);
        if (!body.ok) return body.response;
        const request = changeRequest(body.value.events, body.value);
        if (!request.ok) return request.response;
        return runRequests(c, [request.value], (results) => ok({ objects: objectsByLabel(results[0] ?? []) }));
      },
      {
        summary: 'Change object statuses in several events at once',
        access: 'secretKey',
        body: schemas.groupChangeBody,
        responses: { 200: { description: 'The objects after the change', schema: objectsReply } },
      },
    )
    .on(
      'POST',
      '/events/:key/actions/update-extra-data',
      (req, c) => {
        const body = parse(schemas.extraDatasBody, req.body);
        if (!body.ok) return body.response;
        return updateExtraData(c, req.params.key!, body.value.extraData);
      },
      { summary: "Set objects' extra data", access: 'secretKey', body: schemas.extraDatasBody, responses: { 204: { description: 'Set' } } },
    )
    .on(
      'POST',
      '/events/:key/objects/:label/actions/update-extra-data',
      (req, c) => {
        const body = parse(schemas.extraDataBody, req.body);
        if (!body.ok) return body.response;
        return updateExtraData(c, req.params.key!, { [req.params.label!]: body.value.extraData });
      },
      { summary: "Set one object's extra data", access: 'secretKey', body: schemas.extraDataBody, responses: { 204: { description: 'Set' } } },
    )
    .on('POST', '/events/:key/actions/:action', (req, c) => eventAction(c, req.params.key!, req.params.action!, req.body), {
      summary: 'Book, hold, release or change the status of objects',
      description: 'Named objects (GA areas with `quantity`) or `bestAvailable`; all or nothing.',
      access: 'secretKey',
      body: schemas.eventActionBody,
      params: { action: z.enum([...STATUS_BY_ACTION.keys()] as [string, ...string[]]).meta({ description: 'What to do with the objects' }) },
      responses: { 200: { description: 'The objects after the change', schema: objectsReply } },
    });
}

/** The status each action sets; change-object-status takes it from the body. */
const STATUS_BY_ACTION = new Map<string, string | undefined>([
  ['book', BOOKED],
  ['hold', HELD],
  ['release', FREE],
  ['change-object-status', undefined],
]);

async function eventAction(c: SeatsioContext, key: string, action: string, rawBody: unknown): Promise<ApiResponse> {
  if (!STATUS_BY_ACTION.has(action)) return error('NOT_FOUND', `Unknown action: ${action}`);
  const body = parse(schemas.eventActionBody, rawBody);
  if (!body.ok) return body.response;
  const status = STATUS_BY_ACTION.get(action) ?? body.value.status;
  if (body.value.bestAvailable) {
    if (action === 'release' || !status) return error('INVALID_REQUEST', 'bestAvailable needs a status to change to');
    return bestAvailableChange(c, key, body.value, status);
  }
  if (!body.value.objects) return error('INVALID_REQUEST', 'objects: required');
  const request = changeRequest([key], {
    ...body.value,
    objects: body.value.objects,
    ...(action === 'release' ? { type: 'RELEASE' as const } : status ? { status } : {}),
  });
  if (!request.ok) return request.response;
  return runRequests(c, [request.value], (results) => ok({ objects: objectsByLabel(results[0] ?? []) }));
}

function toObjectRefs(objects: z.infer<typeof schemas.objectRef>[]): ObjectRef[] {
  return objects.map((o) =>
    typeof o === 'string'
      ? { label: o }
      : {
          label: o.objectId,
          ...(o.ticketType ? { ticketType: o.ticketType } : {}),
          ...(o.quantity ? { quantity: o.quantity } : {}),
          ...(o.extraData ? { extraData: o.extraData } : {}),
        },
  );
}

type ChangeFields = { objects: z.infer<typeof schemas.objectRef>[]; type?: 'CHANGE_STATUS_TO' | 'RELEASE'; status?: string } & Partial<
  Record<'holdToken' | 'orderId', string | null>
> & {
    keepExtraData?: boolean | null;
    allowedPreviousStatuses?: string[] | null;
    rejectedPreviousStatuses?: string[] | null;
  } & ChannelFields;

type ChannelFields = { ignoreChannels?: boolean | null; channelKeys?: string[] | null };

/** Which channels' places the request may take (seats.io's `channelKeys`, `ignoreChannels`). */
const channelAccess = (body: ChannelFields) => ({ channelKeys: body.channelKeys ?? null, ignoreChannels: body.ignoreChannels ?? false });

/** The body fields shared by every status change request, as the booking layer wants them. */
function changeRequest(eventKeys: string[], body: ChangeFields): { ok: true; value: StatusChangeRequest } | { ok: false; response: ApiResponse } {
  // Changing the status to free is a release, as in seats.io.
  const release = body.type === 'RELEASE' || body.status === FREE;
  if (!release && !body.status) return { ok: false, response: error('INVALID_REQUEST', 'status: required unless type is RELEASE') };
  return {
    ok: true,
    value: {
      eventKeys,
      objects: toObjectRefs(body.objects),
      kind: release ? 'release' : 'status',
      status: release ? FREE : body.status!,
      holdToken: body.holdToken ?? null,
      orderId: body.orderId ?? null,
      keepExtraData: body.keepExtraData ?? false,
      allowedPreviousStatuses: body.allowedPreviousStatuses ?? null,
      rejectedPreviousStatuses: body.rejectedPreviousStatuses ?? null,
      ...channelAccess(body),
    },
  };
}

/** Makes the changes in the commit of this turn's changes (Booking.grouped), then answers. */
async function runRequests(c: SeatsioContext, requests: StatusChangeRequest[], respond: (results: ObjectView[][]) => ApiResponse): Promise<ApiResponse> {
  const result = await c.booking.grouped(() => c.booking.changeObjectStatus(c.workspace.id, requests));
  return result.ok ? respond(result.results) : changeRefused(result.failure);
}

async function bestAvailableChange(c: SeatsioContext, eventKey: string, body: z.infer<typeof schemas.eventActionBody>, status: string): Promise<ApiResponse> {
  const query = body.bestAvailable!;
  const { result, pick } = await c.booking.changeBestAvailable(
    c.workspace.id,
    eventKey,
    {
      number: query.number,
      ...(query.categories ? { categories: query.categories.map(String) } : {}),
      ...(query.accessibleSeats ? { accessibleSeats: query.accessibleSeats } : {}),
      ...(query.ticketTypes ? { ticketTypes: query.ticketTypes } : {}),
      ...(query.extraData ? { extraData: query.extraData } : {}),
      ...(query.sections ? { sections: query.sections } : {}),
      ...(query.tryToPreventOrphanSeats === false ? { tryToPreventOrphanSeats: false } : {}),
    },
    {
      kind: 'status',
      status,
      holdToken: body.holdToken ?? null,
      orderId: body.orderId ?? null,
      keepExtraData: body.keepExtraData ?? false,
      ...channelAccess(body),
    },
  );
  if (!result.ok) return changeRefused(result.failure);
  if (!pick) return error('BEST_AVAILABLE_NOT_FOUND', `Not enough free seats for best available: ${query.number}`);
  return ok({ objects: pick.labels, objectDetails: objectsByLabel(result.results[0] ?? []), nextToEachOther: pick.nextToEachOther });
}

async function updateExtraData(c: SeatsioContext, eventKey: string, data: Record<string, Record<string, unknown> | null>): Promise<ApiResponse> {
  return withEvent(c, eventKey, async (event) => {
    const result = await c.booking.updateExtraData(event, data);
    return result.ok ? ok() : objectsNotFound(result.unknownLabels);
  });
}
