import { and, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { ChangeOrigin, LoggedChange, OrganiserObject, OrganiserSnapshot, TimelinePoint } from '../../contracts/realtime';
import { BOOKED, FREE, HELD } from '../../contracts/statuses';
import { findEvent, type EventHandle } from './event-state';
import { gaPublicState } from './general-admission';
import type { Store } from './store';
import { many, transaction, type Steps } from '../../db/steps';

/*
 * What organisers see of an event: every object that is not plainly free (standing areas with their places per
 * status), the latest changes and the timeline. The socket's `manage:subscribe` answers with it; the overview
 * counts from it.
 */

/** How many of the latest changes a snapshot carries for the activity feed. */
const RECENT_CHANGES = 50;

/** The event's objects that are not plainly free, as organisers see them. Call inside a transaction. */
export function* organiserObjects(store: Store, event: EventHandle): Steps<OrganiserObject[]> {
  const { eventObjects, gaAllocations } = store.tables;
  const rows = yield* many(
    store.db
      .select({ label: eventObjects.label, status: eventObjects.status, forSale: eventObjects.forSale, ticketType: eventObjects.ticketType })
      .from(eventObjects)
      .where(and(eq(eventObjects.eventId, event.id), or(ne(eventObjects.status, FREE), eq(eventObjects.forSale, false)))),
  );
  const objects: OrganiserObject[] = rows.map(({ label, status, forSale, ticketType }) => ({
    label,
    status,
    ...(forSale ? {} : { forSale: false as const }),
    ...(ticketType ? { ticketType } : {}),
  }));
  const places = new Map<string, Record<string, number>>();
  for (const r of yield* many(
    store.db
      .select({ label: gaAllocations.label, status: gaAllocations.status, quantity: sql<number>`sum(${gaAllocations.quantity})`.mapWith(Number) })
      .from(gaAllocations)
      .where(eq(gaAllocations.eventId, event.id))
      .groupBy(gaAllocations.label, gaAllocations.status),
  )) {
    let byStatus = places.get(r.label);
    if (!byStatus) places.set(r.label, (byStatus = {}));
    byStatus[r.status] = r.quantity;
  }
  for (const [label, byStatus] of places) {
    const taken = Object.values(byStatus).reduce((n, q) => n + q, 0);
    objects.push({ ...gaPublicState(label, event.chart.byLabel.get(label)?.capacity ?? 0, taken), places: byStatus });
  }
  return objects;
}

/** Places booked and held per minute, over the event's whole log. */
function* timeline(store: Store, eventId: number): Steps<TimelinePoint[]> {
  const { statusChanges } = store.tables;
  const minute = sql<number>`${statusChanges.createdAt} / 60000`.mapWith(Number);
  const points = new Map<number, TimelinePoint>();
  for (const r of yield* many(
    store.db
      .select({ minute, status: statusChanges.status, places: sql<number>`sum(${statusChanges.quantity})`.mapWith(Number) })
      .from(statusChanges)
      .where(and(eq(statusChanges.eventId, eventId), inArray(statusChanges.status, [BOOKED, HELD])))
      .groupBy(minute, statusChanges.status)
      .orderBy(minute),
  )) {
    let point = points.get(r.minute);
    if (!point) points.set(r.minute, (point = { minute: r.minute, booked: 0, held: 0 }));
    point[r.status === BOOKED ? 'booked' : 'held'] += r.places;
  }
  return [...points.values()];
}

function* recentChanges(store: Store, eventId: number): Steps<LoggedChange[]> {
  const { statusChanges } = store.tables;
  const rows = yield* many(
    store.db
      .select({
        seq: statusChanges.seq,
        at: statusChanges.createdAt,
        origin: statusChanges.origin,
        label: statusChanges.label,
        status: statusChanges.status,
        quantity: statusChanges.quantity,
        orderId: statusChanges.orderId,
      })
      .from(statusChanges)
      .where(eq(statusChanges.eventId, eventId))
      .orderBy(desc(statusChanges.seq))
      .limit(RECENT_CHANGES),
  );
  return rows.map((r) => ({ ...r, origin: r.origin as ChangeOrigin }));
}

/** The event view's starting point, read in one consistent view; undefined when the workspace has no such event. */
export function organiserSnapshot(store: Store, workspaceId: number, eventKey: string): Steps<OrganiserSnapshot | undefined> {
  return transaction(function* () {
    const event = yield* findEvent(store, eventKey, workspaceId);
    if (!event) return undefined;
    return {
      seq: event.seq,
      objects: yield* organiserObjects(store, event),
      recent: yield* recentChanges(store, event.id),
      timeline: yield* timeline(store, event.id),
    };
  });
}
