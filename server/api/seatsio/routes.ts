import type { z } from 'zod';
import type { Workspace } from '../../../db/schema';
import { changeBestAvailable } from '../../booking/best-available';
import { changeObjectStatus, type ObjectRef, type ObjectView, type StatusChangeRequest } from '../../booking/change-status';
import { chartByKey, storeChart } from '../../booking/charts';
import type { BookingContext } from '../../booking/context';
import { eventObjectViews, findEvent, objectViews, publicState, type EventHandle } from '../../booking/event-state';
import { createEvents, deleteEvent, eventByKey, updateEvent, type EventView } from '../../booking/events';
import { updateExtraData } from '../../booking/extra-data';
import { createHoldToken, extendHoldToken, retrieveHoldToken, type HoldTokenResult } from '../../booking/hold-tokens';
import { listStatusChanges } from '../../booking/status-change-log';
import { BOOKED, FREE, HELD } from '../../booking/status-rules';
import { createWorkspace } from '../../booking/workspaces';
import { importSeatsioChart } from '../../charts/import-seatsio-chart';
import type { ApiRequest, ApiResponse } from '../http';
import { Router } from '../http';
import { error, objectFailures, seatsioError } from './errors';
import { eventObjectInfo } from './object-info';
import * as schemas from './schemas';

export type SeatsioContext = { booking: BookingContext; workspace: Workspace };

type Parsed<T> = { ok: true; value: T } | { ok: false; response: ApiResponse };

function parse<S extends z.ZodType>(schema: S, value: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const [first, ...rest] = schemas.describeIssues(result.error);
  return {
    ok: false,
    response: seatsioError({ code: 'INVALID_REQUEST', message: first! }, ...rest.map((message) => ({ code: 'INVALID_REQUEST' as const, message }))),
  };
}

const ok = (body?: unknown): ApiResponse => (body === undefined ? { status: 204 } : { status: 200, body });

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

function objectsByLabel(views: ObjectView[]): Record<string, unknown> {
  return Object.fromEntries(views.map((v) => [v.object.label, eventObjectInfo(v)]));
}

function holdTokenJson(result: Extract<HoldTokenResult, { ok: true }>, workspace: Workspace, now: number) {
  const { holdToken } = result;
  return {
    holdToken: holdToken.token,
    expiresAt: new Date(holdToken.expiresAt).toISOString(),
    expiresInSeconds: Math.max(0, Math.floor((holdToken.expiresAt - now) / 1000)),
    workspaceKey: workspace.key,
  };
}

function holdTokenFailure(result: Exclude<HoldTokenResult, { ok: true }>, token: string): ApiResponse {
  if (result.reason === 'not_found') return error('HOLD_TOKEN_NOT_FOUND', `Hold token not found: ${token}`);
  if (result.reason === 'expired') return error('HOLD_TOKEN_EXPIRED', `Hold token has expired: ${token}`);
  return error('HOLD_TOKEN_TOO_LONG', 'A hold token can live at most 120 minutes');
}

function eventJson(event: EventView) {
  return {
    id: event.id,
    key: event.key,
    chartKey: event.chartKey,
    ...(event.name ? { name: event.name } : {}),
    ...(event.date ? { date: event.date } : {}),
    tableBookingConfig: { mode: 'INHERIT' },
    supportsBestAvailable: true,
    forSalePropagated: true,
    createdOn: new Date(event.createdAt).toISOString(),
    ...(event.updatedAt ? { updatedOn: new Date(event.updatedAt).toISOString() } : {}),
    isTopLevelSeason: false,
    isPartialSeason: false,
    isEventInSeason: false,
    isInThePast: false,
  };
}

function chartJson(chart: { id: number; key: string; name: string }, events: EventView[] = []) {
  return {
    id: chart.id,
    key: chart.key,
    name: chart.name,
    status: events.length ? 'PUBLISHED' : 'NOT_USED',
    tags: [],
    archived: false,
    events: events.map(eventJson),
  };
}

const eventNotFound = (key: string) => error('EVENT_NOT_FOUND', `Event not found: ${key}`);

/** The body fields shared by every status change request, as the booking layer wants them. */
function changeRequest(
  eventKeys: string[],
  body: { objects: z.infer<typeof schemas.objectRef>[]; type?: 'CHANGE_STATUS_TO' | 'RELEASE'; status?: string } & Partial<
    Record<'holdToken' | 'orderId', string | null>
  > & {
      keepExtraData?: boolean | null;
      allowedPreviousStatuses?: string[] | null;
      rejectedPreviousStatuses?: string[] | null;
    },
): StatusChangeRequest | ApiResponse {
  const release = body.type === 'RELEASE';
  if (!release && !body.status) return error('INVALID_REQUEST', 'status: required unless type is RELEASE');
  if (!release && body.status === FREE) return error('INVALID_REQUEST', 'status: use type RELEASE to free objects');
  return {
    eventKeys,
    objects: toObjectRefs(body.objects),
    kind: release ? 'release' : 'status',
    status: release ? FREE : body.status!,
    holdToken: body.holdToken ?? null,
    orderId: body.orderId ?? null,
    keepExtraData: body.keepExtraData ?? false,
    allowedPreviousStatuses: body.allowedPreviousStatuses ?? null,
    rejectedPreviousStatuses: body.rejectedPreviousStatuses ?? null,
  };
}

function isResponse(value: StatusChangeRequest | ApiResponse): value is ApiResponse {
  return 'status' in value && typeof value.status === 'number';
}

function runRequests(c: SeatsioContext, requests: StatusChangeRequest[], respond: (results: ObjectView[][]) => ApiResponse): ApiResponse {
  const result = changeObjectStatus(c.booking, c.workspace.id, requests);
  if (result.ok) return respond(result.results);
  if (result.failure.kind === 'event_not_found') return eventNotFound(result.failure.eventKey);
  return objectFailures(result.failure.failures);
}

function bestAvailableChange(c: SeatsioContext, eventKey: string, body: z.infer<typeof schemas.eventActionBody>, status: string): ApiResponse {
  const query = body.bestAvailable!;
  const { result, pick } = changeBestAvailable(
    c.booking,
    c.workspace.id,
    eventKey,
    {
      number: query.number,
      ...(query.categories ? { categories: query.categories.map(String) } : {}),
      ...(query.accessibleSeats ? { accessibleSeats: query.accessibleSeats } : {}),
      ...(query.ticketTypes ? { ticketTypes: query.ticketTypes } : {}),
      ...(query.extraData ? { extraData: query.extraData } : {}),
    },
    { kind: 'status', status, holdToken: body.holdToken ?? null, orderId: body.orderId ?? null, keepExtraData: body.keepExtraData ?? false },
  );
  if (!result.ok) {
    if (result.failure.kind === 'event_not_found') return eventNotFound(eventKey);
    return objectFailures(result.failure.failures);
  }
  if (!pick) return error('BEST_AVAILABLE_NOT_FOUND', `Not enough free seats for best available: ${query.number}`);
  return ok({ objects: pick.labels, objectDetails: objectsByLabel(result.results[0] ?? []), nextToEachOther: pick.nextToEachOther });
}

function withEvent(c: SeatsioContext, key: string, then: (event: EventHandle) => ApiResponse): ApiResponse {
  const event = findEvent(c.booking, key, c.workspace.id);
  return event ? then(event) : eventNotFound(key);
}

type Report = 'byStatus' | 'byCategoryKey' | 'byLabel' | 'byOrderId';

function reportGroups(view: ObjectView, report: Report): string[] {
  switch (report) {
    case 'byStatus':
      return [publicState(view).status];
    case 'byCategoryKey':
      return [view.object.categoryKey ?? 'NO_CATEGORY'];
    case 'byLabel':
      return [view.object.label];
    case 'byOrderId':
      return [view.seat?.orderId ?? 'NO_ORDER_ID'];
  }
}

function eventReport(c: SeatsioContext, key: string, report: Report, filter?: string): ApiResponse {
  return withEvent(c, key, (event) => {
    const groups: Record<string, unknown[]> = {};
    for (const view of eventObjectViews(c.booking, event)) {
      for (const group of reportGroups(view, report)) {
        if (filter !== undefined && group !== filter) continue;
        (groups[group] ??= []).push(eventObjectInfo(view));
      }
    }
    if (filter !== undefined) groups[filter] ??= [];
    return ok(groups);
  });
}

const STATUS_BY_ACTION: Record<string, string | undefined> = { book: BOOKED, hold: HELD, release: FREE };

export function seatsioRoutes(): Router<SeatsioContext> {
  const router = new Router<SeatsioContext>();
  const now = (c: SeatsioContext) => c.booking.now();

  router
    .on('POST', '/hold-tokens', (req, c) => {
      const body = parse(schemas.holdTokenBody, req.body);
      if (!body.ok) return body.response;
      const result = createHoldToken(c.booking, c.workspace.id, body.value?.expiresInMinutes);
      return result.ok ? ok(holdTokenJson(result, c.workspace, now(c))) : holdTokenFailure(result, '');
    })
    .on('GET', '/hold-tokens/:token', (req, c) => {
      const result = retrieveHoldToken(c.booking, c.workspace.id, req.params.token!);
      return result.ok ? ok(holdTokenJson(result, c.workspace, now(c))) : holdTokenFailure(result, req.params.token!);
    })
    .on('POST', '/hold-tokens/:token', (req, c) => {
      const body = parse(schemas.extendHoldTokenBody, req.body);
      if (!body.ok) return body.response;
      const result = extendHoldToken(c.booking, c.workspace.id, req.params.token!, body.value.expiresInMinutes);
      return result.ok ? ok(holdTokenJson(result, c.workspace, now(c))) : holdTokenFailure(result, req.params.token!);
    })
    .on('POST', '/workspaces', (req, c) => {
      if (!c.workspace.isDefault) return { status: 403 };
      const body = parse(schemas.createWorkspaceBody, req.body);
      if (!body.ok) return body.response;
      const w = createWorkspace(c.booking.db, body.value.name);
      return ok({ id: w.id, key: w.key, secretKey: w.secretKey, name: w.name, isDefault: false, isTest: body.value.isTest ?? false, isActive: true });
    })
    .on('POST', '/charts', (req, c) => createChart(req, c))
    .on('GET', '/charts/:key', (req, c) => {
      const chart = chartByKey(c.booking, c.workspace.id, req.params.key!);
      return chart ? ok(chartJson(chart)) : error('CHART_NOT_FOUND', `Chart not found: ${req.params.key}`);
    })
    .on('POST', '/events', (req, c) => {
      const body = parse(schemas.createEventBody, req.body);
      if (!body.ok) return body.response;
      const { chartKey, eventKey, name, date } = body.value;
      return createEventsResponse(c, chartKey, [{ ...(eventKey ? { key: eventKey } : {}), name, date }], (events) => ok(eventJson(events[0]!)));
    })
    .on('POST', '/events/actions/create-multiple', (req, c) => {
      const body = parse(schemas.createEventsBody, req.body);
      if (!body.ok) return body.response;
      const params = body.value.events.map((e) => ({ ...(e.eventKey ? { key: e.eventKey } : {}), name: e.name, date: e.date }));
      return createEventsResponse(c, body.value.chartKey, params, (events) => ok({ events: events.map(eventJson) }));
    })
    .on('POST', '/events/actions/change-object-status', (req, c) => {
      const body = parse(schemas.batchChangeBody, req.body);
      if (!body.ok) return body.response;
      const requests: StatusChangeRequest[] = [];
      for (const change of body.value.statusChanges) {
        const request = changeRequest([change.event], change);
        if (isResponse(request)) return request;
        requests.push(request);
      }
      return runRequests(c, requests, (results) => ok({ results: results.map((views) => ({ objects: objectsByLabel(views) })) }));
    })
    .on('POST', '/events/actions/update-extra-data', () => error('NOT_FOUND', 'Use /events/{eventKey}/actions/update-extra-data'))
    .on('POST', '/events/groups/actions/change-object-status', (req, c) => {
      const body = parse(schemas.groupChangeBody, req.body);
      if (!body.ok) return body.response;
      const request = changeRequest(body.value.events, body.value);
      if (isResponse(request)) return request;
      return runRequests(c, [request], (results) => ok({ objects: objectsByLabel(results[0] ?? []) }));
    })
    .on('GET', '/events/:key', (req, c) => {
      const event = eventByKey(c.booking, c.workspace.id, req.params.key!);
      return event ? ok(eventJson(event)) : eventNotFound(req.params.key!);
    })
    .on('POST', '/events/:key', (req, c) => {
      const body = parse(schemas.updateEventBody, req.body ?? {});
      if (!body.ok) return body.response;
      const { eventKey, name, date } = body.value;
      const result = updateEvent(c.booking, c.workspace.id, req.params.key!, { ...(eventKey ? { key: eventKey } : {}), name, date });
      if (result.ok) return ok();
      return result.reason === 'event_not_found' ? eventNotFound(req.params.key!) : error('EVENT_KEY_ALREADY_EXISTS', `Event key already exists: ${eventKey}`);
    })
    .on('DELETE', '/events/:key', (req, c) => (deleteEvent(c.booking, c.workspace.id, req.params.key!) ? ok() : eventNotFound(req.params.key!)))
    .on('POST', '/events/:key/actions/update-extra-data', (req, c) => {
      const body = parse(schemas.extraDatasBody, req.body);
      if (!body.ok) return body.response;
      return extraDataResponse(c, req.params.key!, body.value.extraData);
    })
    .on('POST', '/events/:key/objects/:label/actions/update-extra-data', (req, c) => {
      const body = parse(schemas.extraDataBody, req.body);
      if (!body.ok) return body.response;
      return extraDataResponse(c, req.params.key!, { [req.params.label!]: body.value.extraData });
    })
    .on('POST', '/events/:key/actions/:action', (req, c) => {
      const { key, action } = req.params as { key: string; action: string };
      if (!['book', 'hold', 'release', 'change-object-status'].includes(action)) return error('NOT_FOUND', `Unknown action: ${action}`);
      const body = parse(schemas.eventActionBody, req.body);
      if (!body.ok) return body.response;
      const status = STATUS_BY_ACTION[action] ?? body.value.status;
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
      if (isResponse(request)) return request;
      return runRequests(c, [request], (results) => ok({ objects: objectsByLabel(results[0] ?? []) }));
    })
    .on('GET', '/events/:key/objects', (req, c) =>
      withEvent(c, req.params.key!, (event) => {
        const labels = req.query.getAll('label');
        if (!labels.length) return error('INVALID_REQUEST', 'label: at least one label is required');
        if (labels.length > schemas.MAX_OBJECTS) return error('INVALID_REQUEST', `label: at most ${schemas.MAX_OBJECTS} labels`);
        const unknown = labels.filter((l) => !event.chart.byLabel.get(l)?.bookable);
        if (unknown.length)
          return seatsioError(
            ...(unknown.map((l) => ({ code: 'OBJECT_NOT_FOUND' as const, message: `Object not found: ${l}` })) as [
              { code: 'OBJECT_NOT_FOUND'; message: string },
            ]),
          );
        return ok(objectsByLabel(objectViews(c.booking, event, labels)));
      }),
    )
    .on('GET', '/events/:key/status-changes', (req, c) =>
      withEvent(c, req.params.key!, (event) => {
        const query = parse(schemas.pageQuery, Object.fromEntries(req.query));
        if (!query.ok) return query.response;
        const { limit, start_after_id, end_before_id, filter } = query.value;
        const page = listStatusChanges(c.booking, event.id, {
          limit,
          ...(start_after_id !== undefined ? { startAfterId: start_after_id } : {}),
          ...(end_before_id !== undefined ? { endBeforeId: end_before_id } : {}),
          ...(filter ? { filter } : {}),
        });
        return ok({
          items: page.items.map((s) => ({
            id: s.id,
            eventId: s.eventId,
            status: s.status,
            quantity: s.quantity,
            objectLabel: s.label,
            date: new Date(s.createdAt).toISOString(),
            ...(s.orderId ? { orderId: s.orderId } : {}),
            ...(s.extraData ? { extraData: JSON.parse(s.extraData) } : {}),
            ...(s.holdToken ? { holdToken: s.holdToken } : {}),
            origin: { type: s.origin },
            isPresentOnChart: true,
            displayedLabel: s.label,
          })),
          ...(page.nextPageStartsAfter !== undefined ? { next_page_starts_after: page.nextPageStartsAfter } : {}),
          ...(page.previousPageEndsBefore !== undefined ? { previous_page_ends_before: page.previousPageEndsBefore } : {}),
        });
      }),
    );
  for (const report of ['byStatus', 'byCategoryKey', 'byLabel', 'byOrderId'] as const) {
    router.on('GET', `/reports/events/:key/${report}`, (req, c) => eventReport(c, req.params.key!, report));
    router.on('GET', `/reports/events/:key/${report}/:filter`, (req, c) => eventReport(c, req.params.key!, report, req.params.filter!));
  }
  return router;
}

function createChart(req: ApiRequest, c: SeatsioContext): ApiResponse {
  const raw = req.body ?? {};
  const key = typeof raw === 'object' && raw && 'key' in raw && typeof raw.key === 'string' ? raw.key : undefined;
  let definition;
  if (typeof raw === 'object' && raw && 'subChart' in raw) {
    const imported = importSeatsioChart(raw);
    if (!imported.ok) {
      const [first, ...rest] = imported.errors.map((e) => ({ code: 'INVALID_REQUEST' as const, message: `${e.path}: ${e.message}` }));
      return seatsioError(first!, ...rest);
    }
    definition = imported.chart;
  } else {
    const body = parse(schemas.simpleChartBody, raw);
    if (!body.ok) return body.response;
    const imported = importSeatsioChart({ name: body.value.name ?? 'Untitled chart', categories: { list: body.value.categories ?? [] }, subChart: {} });
    if (!imported.ok) return error('INVALID_REQUEST', imported.errors[0]!.message);
    definition = imported.chart;
  }
  if (key !== undefined && (key.trim() === '' || key.length > 200)) return error('INVALID_REQUEST', 'key: must be 1 to 200 characters');
  const stored = storeChart(c.booking, c.workspace.id, definition, key);
  return stored.ok ? ok(chartJson(stored.chart)) : error('CHART_KEY_ALREADY_EXISTS', `Chart key already exists: ${key}`);
}

function createEventsResponse(
  c: SeatsioContext,
  chartKey: string,
  params: { key?: string; name?: string | null; date?: string | null }[],
  respond: (events: EventView[]) => ApiResponse,
): ApiResponse {
  const result = createEvents(c.booking, c.workspace.id, chartKey, params);
  if (result.ok) return respond(result.events);
  if (result.reason === 'chart_not_found') return error('CHART_NOT_FOUND', `Chart not found: ${chartKey}`);
  return error('EVENT_KEY_ALREADY_EXISTS', `Event key already exists: ${result.key}`);
}

function extraDataResponse(c: SeatsioContext, eventKey: string, data: Record<string, Record<string, unknown> | null>): ApiResponse {
  return withEvent(c, eventKey, (event) => {
    const result = updateExtraData(c.booking, event, data);
    if (result.ok) return ok();
    const [first, ...rest] = result.unknownLabels.map((l) => ({ code: 'OBJECT_NOT_FOUND' as const, message: `Object not found: ${l}` }));
    return seatsioError(first!, ...rest);
  });
}
