import { and, eq } from 'drizzle-orm';
import type { ObjectState, OrganiserObject, Snapshot } from '../../contracts/realtime';
import type { PublicAddress } from '../../contracts/buyer-api';
import type { SalesSettings } from '../../contracts/sales';
export type { PublicAddress };
import { FREE, NOT_FOR_SALE } from '../../contracts/statuses';
import type { ObjectView } from './change-status';
import { gaCounts, gaPublicState, gaState, placesTaken, type AllocationRow } from './general-admission';
import type { SeatState } from './status-rules';
import type { LoadedChart, Store } from './store';
import { many, one, transaction, type Steps } from '../../db/steps';

export type EventHandle = {
  id: number;
  key: string;
  workspaceId: number;
  seq: number;
  chart: LoadedChart;
  sales: SalesSettings;
  /** Whether any place may be in a channel (server/booking/channels.ts). */
  hasChannels: boolean;
};

/** The event, if it exists in this workspace. */
export function* findEvent(store: Store, key: string, workspaceId: number): Steps<EventHandle | undefined> {
  const row = yield* one(store.statements.eventByKey, { key, workspaceId });
  if (!row) return undefined;
  const { id, seq, chartId, checkoutMode, checkoutUrl, maxPlacesPerOrder, holdMinutes, maxHoldMinutes } = row;
  return {
    id,
    key,
    workspaceId: row.workspaceId,
    seq,
    chart: store.keptEventChart(chartId, row.chartConfig, row.chartVersion) ?? (yield* store.eventChart(chartId, row.chartConfig, row.chartVersion)),
    sales: { checkoutMode, checkoutUrl, maxPlacesPerOrder, holdMinutes, maxHoldMinutes },
    hasChannels: row.hasChannels,
  };
}

const FREE_SEAT: SeatState = { status: FREE, holdToken: null, orderId: null, ticketType: null, extraData: null, extraDataId: null, forSale: true };

/** Every bookable object of the event with its current state, in chart order. Read in one consistent view. */
export function eventObjectViews(store: Store, event: EventHandle): Steps<ObjectView[]> {
  const { eventObjects, extraData, gaAllocations } = store.tables;
  return transaction(function* () {
    const seats = new Map<string, SeatState>();
    const rows = yield* many(
      store.db
        .select({ object: eventObjects, extraData: extraData.json })
        .from(eventObjects)
        .leftJoin(extraData, eq(extraData.id, eventObjects.extraDataId))
        .where(eq(eventObjects.eventId, event.id)),
    );
    for (const row of rows) seats.set(row.object.label, { ...row.object, extraData: row.extraData });
    const gas = new Map<string, AllocationRow[]>();
    for (const row of yield* many(store.db.select().from(gaAllocations).where(eq(gaAllocations.eventId, event.id)))) {
      let rows = gas.get(row.label);
      if (!rows) gas.set(row.label, (rows = []));
      rows.push(row);
    }
    const channels = new Map(
      event.hasChannels ? (yield* many(store.statements.channelledLabels, { eventId: event.id })).map((r) => [r.label, r.channelKey]) : [],
    );
    const views: ObjectView[] = [];
    for (const object of event.chart.definition.objects) {
      if (!object.bookable) continue;
      const channel = channels.get(object.label);
      const base = { eventKey: event.key, chart: event.chart, object, ...(channel ? { channel } : {}) };
      if (object.type === 'generalAdmission') views.push({ ...base, ga: gaState(object.capacity ?? 0, gas.get(object.label) ?? []) });
      else views.push({ ...base, seat: seats.get(object.label) ?? FREE_SEAT });
    }
    return views;
  });
}

/** The views of some objects of the event, read with the prepared per-object statements (object info). */
export function objectViews(store: Store, event: EventHandle, labels: string[]): Steps<ObjectView[]> {
  return transaction(function* () {
    const views: ObjectView[] = [];
    for (const label of labels) {
      const object = event.chart.byLabel.get(label);
      if (!object?.bookable) continue;
      const channel = event.hasChannels ? (yield* one(store.statements.channelOf, { eventId: event.id, label }))?.channelKey : undefined;
      const base = { eventKey: event.key, chart: event.chart, object, ...(channel ? { channel } : {}) };
      if (object.type !== 'generalAdmission') views.push({ ...base, seat: (yield* one(store.statements.seat, { eventId: event.id, label })) ?? FREE_SEAT });
      else views.push({ ...base, ga: gaState(object.capacity ?? 0, yield* many(store.statements.gaAllocations, { eventId: event.id, label })) });
    }
    return views;
  });
}

/** What every chart may see of an object. */
export function publicState(view: ObjectView): ObjectState {
  if (view.ga) return gaPublicState(view.object.label, view.ga.capacity, placesTaken(view.ga));
  return { label: view.object.label, status: view.seat!.status };
}

/** What organisers see of an object: standing places per status, and whether a seat is for sale. */
export function organiserObject(view: ObjectView): OrganiserObject {
  if (view.ga) return { ...publicState(view), places: Object.fromEntries(gaCounts(view.ga).byStatus) };
  const { forSale, ticketType } = view.seat!;
  return { ...publicState(view), ...(forSale ? {} : { forSale: false }), ...(ticketType ? { ticketType } : {}) };
}

/** The workspace a buyer addresses (an active one), or the default one when none is named. */
export function* publicWorkspaceId(store: Store, workspaceKey: string | undefined): Steps<number | undefined> {
  const found =
    workspaceKey === undefined ? yield* one(store.statements.defaultWorkspaceId) : yield* one(store.statements.publicWorkspace, { key: workspaceKey });
  return found?.id;
}

/** The event a buyer addresses, if there is one. */
export function* findPublicEvent(store: Store, address: PublicAddress): Steps<EventHandle | undefined> {
  const workspaceId = yield* publicWorkspaceId(store, address.workspaceKey);
  return workspaceId === undefined ? undefined : yield* findEvent(store, address.eventKey, workspaceId);
}

/**
 * What a chart needs to draw the event now: every object that is not plainly free, and every GA area with its
 * places left. Read from the unavailable rows only, and built once per seq: when thousands of charts subscribe
 * at once (an on-sale, a restart), they share one snapshot.
 */
export function eventSnapshot(store: Store, address: PublicAddress): Steps<Snapshot | undefined> {
  return transaction(() => snapshotOf(store, address));
}

function* snapshotOf(store: Store, address: PublicAddress): Steps<Snapshot | undefined> {
  const event = yield* findPublicEvent(store, address);
  if (!event) return undefined;
  const cached = store.snapshots.get(event.id);
  if (cached?.snapshot.seq === event.seq && cached.chart === event.chart) return cached.snapshot;
  const objects: ObjectState[] = (yield* many(store.statements.unavailableSeats, { eventId: event.id })).map((r) => ({ label: r.label, status: r.status }));
  const taken = new Map<string, number>();
  for (const r of yield* many(store.statements.gaAllocationsOfEvent, { eventId: event.id })) taken.set(r.label, (taken.get(r.label) ?? 0) + r.quantity);
  for (const ga of event.chart.generalAdmission) objects.push(gaPublicState(ga.label, ga.capacity ?? 0, taken.get(ga.label) ?? 0));
  const snapshot = { seq: event.seq, objects };
  store.snapshots.set(event.id, { chart: event.chart, snapshot });
  return snapshot;
}

/** What is off sale at an event (status notForSale): seats, tables and booths, and standing places per area. */
export function offSalePlaces(store: Store, eventId: number): Steps<{ objects: string[]; areaPlaces: Record<string, number> }> {
  const { eventObjects, gaAllocations } = store.tables;
  return transaction(function* () {
    const objects = yield* many(
      store.db
        .select({ label: eventObjects.label })
        .from(eventObjects)
        .where(and(eq(eventObjects.eventId, eventId), eq(eventObjects.status, NOT_FOR_SALE))),
    );
    const areas = yield* many(
      store.db
        .select({ label: gaAllocations.label, quantity: gaAllocations.quantity })
        .from(gaAllocations)
        .where(and(eq(gaAllocations.eventId, eventId), eq(gaAllocations.status, NOT_FOR_SALE))),
    );
    return { objects: objects.map((r) => r.label), areaPlaces: Object.fromEntries(areas.map((r) => [r.label, r.quantity])) };
  });
}

/** Labels of the event's seats, tables and booths that cannot be taken now (held, booked, custom, not for sale). */
export function* unavailableLabels(store: Store, eventId: number): Steps<Set<string>> {
  return new Set((yield* many(store.statements.unavailableSeats, { eventId })).map((r) => r.label));
}
