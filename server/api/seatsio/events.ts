import { z } from 'zod';
import type { EventParams, EventView } from '../../booking/events';
import type { ApiResponse, Router } from '../router';
import type { SeatsioContext } from './context';
import { channelInput } from './channels';
import { forSaleConfig } from './for-sale';
import { eventPage, eventReply } from './replies';
import { chartNotFound, error, eventNotFound, ok, pageReply, pageRequest, parse } from './responses';
import * as schemas from './schemas';

/** `/events`: create one or several, retrieve, update, delete. */
export function eventRoutes(router: Router<SeatsioContext>): void {
  router
    .on(
      'POST',
      '/events',
      async (req, c) => {
        const body = parse(schemas.createEventBody, req.body);
        if (!body.ok) return body.response;
        return createEvents(c, body.value.chartKey, [eventParams(body.value)], async (events) => ok(await eventJson(c, events[0]!)));
      },
      {
        summary: 'Create an event',
        description: "From a chart, with an optional key, name, date and Tessera's extensions `pricing` and `salesSettings`.",
        access: 'secretKey',
        body: schemas.createEventBody,
        responses: { 200: { description: 'The event', schema: eventReply } },
      },
    )
    .on(
      'POST',
      '/events/actions/create-multiple',
      async (req, c) => {
        const body = parse(schemas.createEventsBody, req.body);
        if (!body.ok) return body.response;
        return createEvents(c, body.value.chartKey, body.value.events.map(eventParams), async (events) =>
          ok({ events: await Promise.all(events.map((e) => eventJson(c, e))) }),
        );
      },
      {
        summary: 'Create several events of one chart',
        access: 'secretKey',
        body: schemas.createEventsBody,
        responses: { 200: { description: 'The events, in the order asked for', schema: z.object({ events: z.array(eventReply) }) } },
      },
    )
    .on(
      'GET',
      '/events',
      async (req, c) => {
        const query = parse(schemas.eventPageQuery, Object.fromEntries(req.query));
        if (!query.ok) return query.response;
        return pageReply(await c.booking.listEvents(c.workspace.id, pageRequest(query.value)), (e) => eventJson(c, e));
      },
      {
        summary: "The workspace's events, newest first",
        access: 'secretKey',
        query: schemas.eventPageQuery,
        responses: { 200: { description: 'A page', schema: eventPage } },
      },
    )
    .on(
      'GET',
      '/events/:key',
      async (req, c) => {
        const event = await c.booking.eventByKey(c.workspace.id, req.params.key!);
        return event ? ok(await eventJson(c, event)) : eventNotFound(req.params.key!);
      },
      { summary: 'An event', access: 'secretKey', responses: { 200: { description: 'The event', schema: eventReply } } },
    )
    .on(
      'POST',
      '/events/:key',
      async (req, c) => {
        const body = parse(schemas.updateEventBody, req.body ?? {});
        if (!body.ok) return body.response;
        const result = await c.booking.updateEvent(c.workspace.id, req.params.key!, eventParams(body.value));
        if (result.ok) return ok();
        if (result.reason === 'invalid_field') return error('INVALID_REQUEST', `${result.path}: ${result.message}`);
        return result.reason === 'event_not_found'
          ? eventNotFound(req.params.key!)
          : error('EVENT_KEY_ALREADY_EXISTS', `Event key already exists: ${body.value.eventKey}`);
      },
      {
        summary: 'Update an event',
        description: 'Its key, name, date, prices or sales settings.',
        access: 'secretKey',
        body: schemas.updateEventBody,
        responses: { 204: { description: 'Updated' } },
      },
    )
    .on('DELETE', '/events/:key', async (req, c) => ((await c.booking.deleteEvent(c.workspace.id, req.params.key!)) ? ok() : eventNotFound(req.params.key!)), {
      summary: 'Delete an event',
      access: 'secretKey',
      responses: { 204: { description: 'Deleted' } },
    });
}

function eventParams(fields: schemas.EventFields): EventParams {
  const { eventKey, name, date, pricing, salesSettings, channels, tableBookingConfig, categories, objectCategories } = fields;
  const chartConfig = {
    ...(tableBookingConfig ? { tableBookingConfig } : {}),
    ...(categories ? { categories } : {}),
    ...(objectCategories ? { objectCategories } : {}),
  };
  return {
    ...(Object.keys(chartConfig).length ? { chartConfig } : {}),
    ...(eventKey ? { key: eventKey } : {}),
    name,
    date,
    ...(pricing ? { pricing } : {}),
    ...(salesSettings ? { sales: salesSettings } : {}),
    ...(channels ? { channels: channels.map(channelInput) } : {}),
  };
}

export async function eventJson(c: SeatsioContext, event: EventView) {
  const offSale = await forSaleConfig(c.booking, event.id);
  const channels = await c.booking.eventChannelList(event.id);
  return {
    id: event.id,
    key: event.key,
    chartKey: event.chartKey,
    categories: event.categories,
    ...(event.name ? { name: event.name } : {}),
    ...(event.date ? { date: event.date } : {}),
    ...(event.pricing ? { pricing: event.pricing } : {}),
    salesSettings: event.sales,
    tableBookingConfig: event.chartConfig.tableBookingConfig ?? { mode: 'INHERIT' },
    ...(event.chartConfig.objectCategories ? { objectCategories: event.chartConfig.objectCategories } : {}),
    ...(offSale ? { forSaleConfig: offSale } : {}),
    ...(channels.length ? { channels } : {}),
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

async function createEvents(
  c: SeatsioContext,
  chartKey: string,
  params: EventParams[],
  respond: (events: EventView[]) => ApiResponse | Promise<ApiResponse>,
): Promise<ApiResponse> {
  const result = await c.booking.createEvents(c.workspace.id, chartKey, params);
  if (result.ok) return respond(result.events);
  if (result.reason === 'chart_not_found') return chartNotFound(chartKey, c.workspace.key);
  if (result.reason === 'invalid_field') return error('INVALID_REQUEST', `${result.path}: ${result.message}`);
  if (result.reason === 'invalid_channels') return error('INVALID_REQUEST', `channels: ${result.message}`);
  return error('EVENT_KEY_ALREADY_EXISTS', `Event key already exists: ${result.key}`);
}
