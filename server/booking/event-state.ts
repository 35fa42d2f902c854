import { eq } from 'drizzle-orm';
import { eventObjects, gaAllocations } from '../../db/schema';
import type { ObjectView } from './change-status';
import type { BookingContext, LoadedChart, PublicChange, Snapshot } from './context';
import { FREE, gaKey, gaState, gaTaken, type GaState, type SeatState } from './status-rules';

export type EventHandle = { id: number; key: string; workspaceId: number; seq: number; chart: LoadedChart };

/** The event, if it exists in this workspace (or in any, when workspaceId is null: the public buyer side). */
export function findEvent(ctx: BookingContext, key: string, workspaceId: number | null): EventHandle | undefined {
  const row = ctx.statements.eventByKey.get({ key });
  if (!row || (workspaceId !== null && row.workspaceId !== workspaceId)) return undefined;
  return { ...row, chart: ctx.loadChart(row.chartId) };
}

const FREE_SEAT: SeatState = { status: FREE, holdToken: null, orderId: null, ticketType: null, extraData: null, forSale: true };

/** Every bookable object of the event with its current state, in chart order. Read in one consistent view. */
export function eventObjectViews(ctx: BookingContext, event: EventHandle): ObjectView[] {
  const seats = new Map<string, SeatState>();
  for (const row of ctx.db.select().from(eventObjects).where(eq(eventObjects.eventId, event.id)).all()) seats.set(row.label, row);
  const gas = new Map<string, Map<string, number>>();
  for (const row of ctx.db.select().from(gaAllocations).where(eq(gaAllocations.eventId, event.id)).all()) {
    let allocations = gas.get(row.label);
    if (!allocations) gas.set(row.label, (allocations = new Map()));
    allocations.set(gaKey(row.status, row.holdToken || null), row.quantity);
  }
  const views: ObjectView[] = [];
  for (const object of event.chart.definition.objects) {
    if (!object.bookable) continue;
    if (object.type === 'generalAdmission') {
      views.push({ eventKey: event.key, chart: event.chart, object, ga: { capacity: object.capacity ?? 0, allocations: gas.get(object.label) ?? new Map() } });
    } else {
      views.push({ eventKey: event.key, chart: event.chart, object, seat: seats.get(object.label) ?? FREE_SEAT });
    }
  }
  return views;
}

/** The views of some objects of the event, read with the prepared per-object statements (object info). */
export function objectViews(ctx: BookingContext, event: EventHandle, labels: string[]): ObjectView[] {
  return ctx.transact(() =>
    labels.flatMap((label): ObjectView[] => {
      const object = event.chart.byLabel.get(label);
      if (!object?.bookable) return [];
      const base = { eventKey: event.key, chart: event.chart, object };
      if (object.type !== 'generalAdmission') return [{ ...base, seat: ctx.statements.seat.get({ eventId: event.id, label }) ?? FREE_SEAT }];
      const rows = ctx.statements.gaAllocations.all({ eventId: event.id, label });
      return [{ ...base, ga: gaState(object.capacity ?? 0, rows) }];
    }),
  );
}

export function publicState(view: ObjectView): PublicChange {
  if (view.ga) {
    const numFree = view.ga.capacity - gaTaken(view.ga);
    return { label: view.object.label, status: numFree > 0 ? FREE : 'booked', numFree };
  }
  return { label: view.object.label, status: view.seat!.status };
}

/**
 * What a chart needs to draw the event now: every object that is not plainly free, and every GA area with its
 * places left. Read from the unavailable rows only, and built once per seq: when thousands of charts subscribe
 * at once (an on-sale, a restart), they share one snapshot.
 */
export function eventSnapshot(ctx: BookingContext, eventKey: string): Snapshot | undefined {
  return ctx.transact(() => {
    const event = findEvent(ctx, eventKey, null);
    if (!event) return undefined;
    const cached = ctx.snapshots.get(event.id);
    if (cached?.seq === event.seq) return cached;
    const objects: PublicChange[] = ctx.statements.unavailableSeats.all({ eventId: event.id }).map((r) => ({ label: r.label, status: r.status }));
    const taken = new Map<string, number>();
    for (const r of ctx.statements.gaAllocationsOfEvent.all({ eventId: event.id })) taken.set(r.label, (taken.get(r.label) ?? 0) + r.quantity);
    for (const ga of event.chart.generalAdmission) {
      const numFree = (ga.capacity ?? 0) - (taken.get(ga.label) ?? 0);
      objects.push({ label: ga.label, status: numFree > 0 ? FREE : 'booked', numFree });
    }
    const snapshot = { seq: event.seq, objects };
    ctx.snapshots.set(event.id, snapshot);
    return snapshot;
  });
}

/** Labels of the event's seats, tables and booths that cannot be taken now (held, booked, custom, not for sale). */
export function unavailableLabels(ctx: BookingContext, eventId: number): Set<string> {
  return new Set(ctx.statements.unavailableSeats.all({ eventId }).map((r) => r.label));
}

export function gaCounts(ga: GaState): { numBooked: number; numHeld: number; numFree: number; byStatus: Map<string, number> } {
  const byStatus = new Map<string, number>();
  for (const [key, quantity] of ga.allocations) {
    const status = key.split('\u0000')[0]!;
    byStatus.set(status, (byStatus.get(status) ?? 0) + quantity);
  }
  return {
    numBooked: byStatus.get('booked') ?? 0,
    numHeld: byStatus.get('reservedByToken') ?? 0,
    numFree: ga.capacity - gaTaken(ga),
    byStatus,
  };
}
