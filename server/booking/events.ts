import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { EventRow } from '../../db/schema';
import { bookableObjects, type Category, type ChartDefinition, type ChartObject } from '../../contracts/chart';
import { eventChartProblems, type EventChartConfig } from '../../contracts/event-chart';
import { customStatusesSchema, DEFAULT_CUSTOM_STATUSES, type CustomStatusSetting } from '../../contracts/custom-statuses';
import { pricingSchema, type Pricing } from '../../contracts/pricing';
import { DEFAULT_SALES_SETTINGS, salesSettingsProblem, type SalesSettings, type SalesSettingsPatch } from '../../contracts/sales';
import type { OrderedPlace, OrganiserEvent, PublicEvent } from '../../contracts/page-services';
import { channelledPlaces, channelsProblem, insertChannels, type ChannelInput } from './channels';
import { findEvent, findPublicEvent, type EventHandle, type PublicAddress } from './event-state';
import { FREE } from '../../contracts/statuses';
import { bookedInOrder } from './status-change-log';
import { enqueueMessages, type Message } from './webhooks';
import { workspaceById } from './workspaces';
import { pageById, type Page, type PageRequest } from './paging';
import type { Store } from './store';
import { exec, many, one, transaction, type Steps } from '../../db/steps';

export type EventParams = {
  key?: string;
  name?: string | null;
  date?: string | null;
  pricing?: Pricing;
  sales?: SalesSettingsPatch;
  customStatuses?: CustomStatusSetting[];
  /** A new event's channels (channels.ts). */
  channels?: ChannelInput[];
  /** What the event changes of its chart; on update, each field given replaces the one the event had. */
  chartConfig?: EventChartConfig;
};

type SalesColumns = keyof SalesSettings;

export type EventView = Omit<EventRow, 'pricing' | 'customStatuses' | 'chartConfig' | SalesColumns> & {
  chartKey: string;
  /** The chart's categories and the event's own, keys as given (numbers stay numbers). */
  categories: Category[];
  chartConfig: EventChartConfig;
  pricing?: Pricing;
  sales: SalesSettings;
  customStatuses: CustomStatusSetting[];
};

/**
 * A field that does not hold together, named by its path: sales settings, or a chart config that does not fit the
 * chart (or would change how places already taken are booked).
 */
type InvalidField = { ok: false; reason: 'invalid_field'; path: string; message: string };

function checkChartConfig(chart: ChartDefinition, config: EventChartConfig | undefined): InvalidField | null {
  const [problem] = config ? eventChartProblems(chart, config) : [];
  return problem ? { ok: false, reason: 'invalid_field', path: problem[0], message: problem[1] } : null;
}

/** A config worth storing: null when it changes nothing of the chart. */
function storedChartConfig(config: EventChartConfig | undefined): string | null {
  const { tableBookingConfig, categories, objectCategories } = config ?? {};
  const kept = {
    ...(tableBookingConfig && tableBookingConfig.mode !== 'INHERIT' ? { tableBookingConfig } : {}),
    ...(categories?.length ? { categories } : {}),
    ...(objectCategories && Object.keys(objectCategories).length ? { objectCategories } : {}),
  };
  return Object.keys(kept).length ? JSON.stringify(kept) : null;
}

export type CreateEventsResult =
  | { ok: true; events: EventView[] }
  | { ok: false; reason: 'chart_not_found' }
  | { ok: false; reason: 'key_taken' | 'duplicate_key'; key: string }
  | { ok: false; reason: 'invalid_channels'; message: string }
  | InvalidField;

/** `patch` over `base`, or why the result does not hold together. */
function mergeSales(base: SalesSettings, patch: SalesSettingsPatch | undefined): SalesSettings | InvalidField {
  const merged = { ...base, ...patch };
  const problem = salesSettingsProblem(merged);
  return problem ? { ok: false, reason: 'invalid_field', ...problem } : merged;
}

/** Stored pricing was validated on the way in; a row edited by hand that no longer parses shows no prices. */
function parsePricing(json: string | null): Pricing | undefined {
  if (!json) return undefined;
  const parsed = pricingSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : undefined;
}

function parseCustomStatuses(json: string | null): CustomStatusSetting[] {
  const parsed = json === null ? undefined : customStatusesSchema.safeParse(JSON.parse(json));
  return parsed?.success ? parsed.data : DEFAULT_CUSTOM_STATUSES;
}

function* eventView(store: Store, row: EventRow, chartKey: string): Steps<EventView> {
  const { pricing, customStatuses, checkoutMode, checkoutUrl, maxPlacesPerOrder, holdMinutes, maxHoldMinutes, chartConfig, ...rest } = row;
  const parsed = parsePricing(pricing);
  return {
    ...rest,
    chartKey,
    categories: (yield* store.eventChart(row.chartId, chartConfig)).definition.categories,
    chartConfig: chartConfig === null ? {} : (JSON.parse(chartConfig) as EventChartConfig),
    ...(parsed ? { pricing: parsed } : {}),
    sales: { checkoutMode, checkoutUrl, maxPlacesPerOrder, holdMinutes, maxHoldMinutes },
    customStatuses: parseCustomStatuses(customStatuses),
  };
}

/** The objects an event keeps a row for: what can be booked on its own, but standing areas (they keep counts). */
const seatsTablesAndBooths = (chart: ChartDefinition) => bookableObjects(chart).filter((o) => o.type !== 'generalAdmission');

/** Free rows for these objects. Chunked multi-row inserts: a 100,000-seat event is created in well under a second. */
function* insertObjectRows(store: Store, eventId: number, objects: ChartObject[]): Steps<void> {
  const { eventObjects } = store.tables;
  for (let start = 0; start < objects.length; start += 500) {
    yield* exec(store.db.insert(eventObjects).values(objects.slice(start, start + 500).map((o) => ({ eventId, label: o.label }))));
  }
}

/** Creates events for one chart, each with one free row per bookable object, in one transaction. */
export function* createEvents(store: Store, workspaceId: number, chartKey: string, params: EventParams[]): Steps<CreateEventsResult> {
  const { charts, events } = store.tables;
  const keys = params.map((p) => p.key ?? randomUUID());
  const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
  if (duplicate) return { ok: false, reason: 'duplicate_key', key: duplicate };
  const sales: SalesSettings[] = [];
  for (const p of params) {
    const merged = mergeSales(DEFAULT_SALES_SETTINGS, p.sales);
    if ('ok' in merged) return merged;
    sales.push(merged);
  }
  const now = store.now();
  return yield* transaction(function* (): Steps<CreateEventsResult> {
    const chart = yield* one(
      store.db
        .select()
        .from(charts)
        .where(and(eq(charts.workspaceId, workspaceId), eq(charts.key, chartKey))),
    );
    if (!chart) return { ok: false, reason: 'chart_not_found' };
    for (const key of keys) {
      if (yield* one(store.statements.eventByKey, { key, workspaceId })) return { ok: false, reason: 'key_taken', key };
    }
    const definition = (yield* store.loadChart(chart.id)).definition;
    for (const p of params) {
      const invalid = checkChartConfig(definition, p.chartConfig);
      if (invalid) return invalid;
    }
    const created: EventView[] = [];
    for (const [i, p] of params.entries()) {
      const chartConfig = storedChartConfig(p.chartConfig);
      const row = yield* one(
        store.db
          .insert(events)
          .values({
            workspaceId,
            chartId: chart.id,
            key: keys[i]!,
            name: p.name ?? null,
            date: p.date ?? null,
            pricing: p.pricing ? JSON.stringify(p.pricing) : null,
            customStatuses: p.customStatuses ? JSON.stringify(p.customStatuses) : null,
            chartConfig,
            ...sales[i]!,
            createdAt: now,
          })
          .returning(),
      );
      yield* insertObjectRows(store, row.id, seatsTablesAndBooths((yield* store.eventChart(chart.id, chartConfig)).definition));
      created.push(yield* eventView(store, row, chart.key));
    }
    for (const [i, p] of params.entries()) {
      if (!p.channels?.length) continue;
      const added = yield* insertChannels(store, (yield* findEvent(store, keys[i]!, workspaceId))!, p.channels);
      if (!added.ok) return { ok: false, reason: 'invalid_channels', message: channelsProblem(added) };
    }
    yield* enqueueMessages(
      store,
      workspaceId,
      function* () {
        return created.map((e) => eventMessage('event.created', e));
      },
      now,
    );
    return { ok: true, events: created };
  });
}

export function* eventByKey(store: Store, workspaceId: number, key: string): Steps<EventView | undefined> {
  const row = yield* one(store.statements.eventWithChartKey, { key, workspaceId });
  return row ? yield* eventView(store, row.event, row.chartKey) : undefined;
}

/** Each row's event as a view. */
function* eventViews(store: Store, rows: { event: EventRow; chartKey: string }[]): Steps<EventView[]> {
  const views: EventView[] = [];
  for (const row of rows) views.push(yield* eventView(store, row.event, row.chartKey));
  return views;
}

/** The workspace's events, newest first, paged as seats.io pages them. */
export function* listEvents(store: Store, workspaceId: number, page: PageRequest): Steps<Page<EventView>> {
  const { charts, events } = store.tables;
  const rows = yield* pageById(page, events.id, (bound, order, limit) =>
    many(
      store.db
        .select({ id: events.id, event: events, chartKey: charts.key })
        .from(events)
        .innerJoin(charts, eq(charts.id, events.chartId))
        .where(and(eq(events.workspaceId, workspaceId), bound))
        .orderBy(...order)
        .limit(limit),
    ),
  );
  return { ...rows, items: yield* eventViews(store, rows.items) };
}

/** The events of a chart, oldest first, at most `limit`. */
export function* chartEvents(store: Store, chartId: number, limit: number): Steps<EventView[]> {
  const { charts, events } = store.tables;
  const rows = yield* many(
    store.db
      .select({ event: events, chartKey: charts.key })
      .from(events)
      .innerJoin(charts, eq(charts.id, events.chartId))
      .where(eq(events.chartId, chartId))
      .orderBy(asc(events.id))
      .limit(limit),
  );
  return yield* eventViews(store, rows);
}

function* publicView(store: Store, handle: EventHandle, event: EventView): Steps<PublicEvent> {
  return {
    key: handle.key,
    name: event.name,
    workspaceKey: (yield* workspaceById(store, handle.workspaceId))!.key,
    chartUrl: `/api/v1/charts/${handle.chart.ref}`,
    ...(event.pricing ? { pricing: event.pricing } : {}),
    sales: handle.sales,
    ...(handle.hasChannels ? { inChannels: yield* channelledPlaces(store, handle) } : {}),
    ...(Object.keys(event.chartConfig).length ? { chartConfig: event.chartConfig } : {}),
  };
}

/** What the organisers' event view shows of an event of their workspace. */
export function* organiserEvent(store: Store, workspaceId: number, key: string): Steps<OrganiserEvent | undefined> {
  const handle = yield* findEvent(store, key, workspaceId);
  if (!handle) return undefined;
  const event = (yield* eventByKey(store, workspaceId, key))!;
  return { ...(yield* publicView(store, handle, event)), date: event.date, chartKey: event.chartKey, customStatuses: event.customStatuses };
}

/** What the buyer's pages show of an event, found as buyers address it. */
export function* publicEvent(store: Store, address: PublicAddress): Steps<PublicEvent | undefined> {
  const handle = yield* findPublicEvent(store, address);
  return handle && (yield* publicView(store, handle, (yield* eventByKey(store, handle.workspaceId, handle.key))!));
}

/**
 * The key to an order's confirmation page: HMAC-SHA256 of event and order under the workspace's secret key, so
 * it needs no storage, cannot be guessed from the order id, and dies with the key when the venue rotates it.
 */
export function* orderAccess(store: Store, event: EventHandle, orderId: string): Steps<string> {
  const { orderAccessKey, secretKey } = (yield* workspaceById(store, event.workspaceId))!;
  return createHmac('sha256', orderAccessKey ?? secretKey)
    .update(`order\u0000${event.key}\u0000${orderId}`)
    .digest('base64url')
    .slice(0, 32);
}

/** The event and what one of its orders booked, for the buyer's confirmation page: only with the order's access key. */
export function* eventOrder(
  store: Store,
  address: PublicAddress,
  orderId: string,
  access: string,
): Steps<{ event: PublicEvent; chart: ChartDefinition; places: OrderedPlace[] } | undefined> {
  const handle = yield* findPublicEvent(store, address);
  if (!handle) return undefined;
  const expected = Buffer.from(yield* orderAccess(store, handle, orderId));
  const given = Buffer.from(access);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const places: OrderedPlace[] = [];
  for (const place of yield* bookedInOrder(store, handle.id, orderId)) {
    const seat = yield* one(store.statements.seat, { eventId: handle.id, label: place.label });
    places.push(seat?.orderId === orderId && seat.ticketType ? { ...place, ticketType: seat.ticketType } : place);
  }
  if (!places.length) return undefined;
  return { event: yield* publicView(store, handle, (yield* eventByKey(store, handle.workspaceId, handle.key))!), chart: handle.chart.definition, places };
}

export type UpdateEventResult = { ok: true } | { ok: false; reason: 'event_not_found' | 'key_taken' } | InvalidField;

export function updateEvent(store: Store, workspaceId: number, key: string, params: EventParams): Steps<UpdateEventResult> {
  const { events } = store.tables;
  return transaction(function* (): Steps<UpdateEventResult> {
    const event = yield* findEvent(store, key, workspaceId);
    if (!event) return { ok: false, reason: 'event_not_found' };
    if (params.key && params.key !== key && (yield* one(store.statements.eventByKey, { key: params.key, workspaceId })))
      return { ok: false, reason: 'key_taken' };
    const sales = mergeSales(event.sales, params.sales);
    if ('ok' in sales) return sales;
    let chartConfig: string | null | undefined;
    if (params.chartConfig) {
      const merged = { ...(yield* eventByKey(store, workspaceId, key))!.chartConfig, ...params.chartConfig };
      chartConfig = storedChartConfig(merged);
      const invalid = checkChartConfig((yield* store.loadChart(event.chart.id)).definition, merged) ?? (yield* rebook(store, event, chartConfig));
      if (invalid) return invalid;
    }
    yield* exec(
      store.db
        .update(events)
        .set({
          ...(chartConfig !== undefined ? { chartConfig } : {}),
          ...(params.key ? { key: params.key } : {}),
          ...(params.name !== undefined ? { name: params.name } : {}),
          ...(params.date !== undefined ? { date: params.date } : {}),
          ...(params.pricing !== undefined ? { pricing: JSON.stringify(params.pricing) } : {}),
          ...(params.customStatuses !== undefined ? { customStatuses: JSON.stringify(params.customStatuses) } : {}),
          ...sales,
          updatedAt: store.now(),
        })
        .where(eq(events.id, event.id)),
    );
    yield* enqueueMessages(
      store,
      workspaceId,
      function* () {
        return [eventMessage('event.updated', (yield* eventByKey(store, workspaceId, params.key ?? key))!)];
      },
      store.now(),
    );
    return { ok: true };
  });
}

/**
 * Keeps a row for exactly what the event can book under its new chart config: tables that change how they are
 * booked trade their row for their seats' rows, or the other way round. Only places that are free and in no channel
 * may change so; anything else keeps the event as it was, naming the place.
 */
function* rebook(store: Store, event: EventHandle, chartConfig: string | null): Steps<InvalidField | null> {
  const { eventObjects } = store.tables;
  const before = seatsTablesAndBooths(event.chart.definition);
  const after = seatsTablesAndBooths((yield* store.eventChart(event.chart.id, chartConfig)).definition);
  const kept = new Set(after.map((o) => o.label));
  const gone = before.filter((o) => !kept.has(o.label));
  const had = new Set(before.map((o) => o.label));
  for (const object of gone) {
    const row = yield* one(store.statements.seat, { eventId: event.id, label: object.label });
    const channel = yield* one(store.statements.channelOf, { eventId: event.id, label: object.label });
    if ((row && (row.status !== FREE || !row.forSale)) || channel) {
      const why = channel ? `is in channel ${channel.channelKey}` : `is ${row!.status}`;
      return {
        ok: false,
        reason: 'invalid_field',
        path: 'tableBookingConfig',
        message: `${object.label} ${why}: only free places can change how they are booked`,
      };
    }
  }
  for (const object of gone) yield* exec(store.db.delete(eventObjects).where(and(eq(eventObjects.eventId, event.id), eq(eventObjects.label, object.label))));
  yield* insertObjectRows(
    store,
    event.id,
    after.filter((o) => !had.has(o.label)),
  );
  return null;
}

/** What subscribers hear of an event created or changed. */
function eventMessage(type: 'event.created' | 'event.updated', event: EventView): Message {
  return { type, data: { eventKey: event.key, chartKey: event.chartKey, name: event.name, date: event.date } };
}

export function deleteEvent(store: Store, workspaceId: number, key: string): Steps<boolean> {
  const { events } = store.tables;
  return transaction(function* () {
    const event = yield* findEvent(store, key, workspaceId);
    if (!event) return false;
    yield* exec(store.db.delete(events).where(eq(events.id, event.id)));
    store.snapshots.delete(event.id);
    return true;
  });
}
