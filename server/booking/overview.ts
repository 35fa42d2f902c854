import { and, eq, sql } from 'drizzle-orm';
import { charts, eventObjects, events, gaAllocations } from '../../db/schema';
import type { ChartSummary, EventSummary, PlaceCounts } from '../../contracts/page-services';
import { priceOf } from '../../contracts/pricing';
import { BOOKED, FREE, HELD } from '../../contracts/statuses';
import { eventByKey } from './events';
import { findEvent } from './event-state';
import type { Store } from './store';

/*
 * What the organisers' home shows: every event of the workspace with its places by status and what the booked
 * ones are worth at the event's prices, and every chart. Counted with grouped queries, not object by object.
 */

/** Counts places by status; returns the places booked per label, for the revenue. */
function countPlaces(store: Store, eventId: number, capacityOfGa: number): { counts: PlaceCounts; bookedByLabel: Map<string, number> } {
  const counts: PlaceCounts = { free: capacityOfGa, held: 0, booked: 0, other: 0, notForSale: 0, total: 0 };
  const add = (status: string, forSale: boolean, places: number) => {
    if (status === FREE) counts[forSale ? 'free' : 'notForSale'] += places;
    else counts[status === HELD ? 'held' : status === BOOKED ? 'booked' : 'other'] += places;
  };
  const bookedByLabel = new Map<string, number>();
  for (const r of store.db
    .select({ status: eventObjects.status, forSale: eventObjects.forSale, places: sql<number>`count(*)` })
    .from(eventObjects)
    .where(eq(eventObjects.eventId, eventId))
    .groupBy(eventObjects.status, eventObjects.forSale)
    .all()) {
    add(r.status, r.forSale, r.places);
  }
  // A standing area's places are free until allocated: each allocation moves its places out of free.
  for (const r of store.db
    .select({ label: gaAllocations.label, status: gaAllocations.status, places: sql<number>`sum(${gaAllocations.quantity})` })
    .from(gaAllocations)
    .where(eq(gaAllocations.eventId, eventId))
    .groupBy(gaAllocations.label, gaAllocations.status)
    .all()) {
    counts.free -= r.places;
    add(r.status, true, r.places);
    if (r.status === BOOKED) bookedByLabel.set(r.label, r.places);
  }
  counts.total = counts.free + counts.held + counts.booked + counts.other + counts.notForSale;
  for (const { label } of store.db
    .select({ label: eventObjects.label })
    .from(eventObjects)
    .where(and(eq(eventObjects.eventId, eventId), eq(eventObjects.status, BOOKED)))
    .all()) {
    bookedByLabel.set(label, 1);
  }
  return { counts, bookedByLabel };
}

/** Upcoming events first (soonest first), then those without a date, then past ones (latest first). */
function byDate(today: string) {
  const rank = (e: EventSummary) => (e.date === null ? 1 : e.date >= today ? 0 : 2);
  return (a: EventSummary, b: EventSummary) =>
    rank(a) - rank(b) ||
    (rank(a) === 2 ? (b.date ?? '').localeCompare(a.date ?? '') : (a.date ?? '').localeCompare(b.date ?? '')) ||
    a.key.localeCompare(b.key);
}

export function organiserOverview(store: Store, workspaceId: number): { events: EventSummary[]; charts: ChartSummary[] } {
  return store.transact(() => {
    const rows = store.db.select({ key: events.key }).from(events).where(eq(events.workspaceId, workspaceId)).all();
    const summaries = rows.map(({ key }): EventSummary => {
      const handle = findEvent(store, key, workspaceId)!;
      const event = eventByKey(store, workspaceId, key)!;
      const capacityOfGa = handle.chart.generalAdmission.reduce((n, ga) => n + (ga.capacity ?? 0), 0);
      const { counts, bookedByLabel } = countPlaces(store, handle.id, capacityOfGa);
      let revenue = 0;
      for (const [label, places] of bookedByLabel) revenue += (priceOf(event.pricing, handle.chart.byLabel.get(label)?.categoryKey) ?? 0) * places;
      return { key, name: event.name, date: event.date, chartKey: event.chartKey, counts, revenue, currency: event.pricing?.currency ?? null };
    });
    const eventsPerChart = new Map(
      store.db
        .select({ chartId: events.chartId, events: sql<number>`count(*)` })
        .from(events)
        .where(eq(events.workspaceId, workspaceId))
        .groupBy(events.chartId)
        .all()
        .map((r) => [r.chartId, r.events]),
    );
    const chartRows = store.db.select({ id: charts.id, key: charts.key, name: charts.name }).from(charts).where(eq(charts.workspaceId, workspaceId)).all();
    const chartSummaries = chartRows.map((c): ChartSummary => {
      const chart = store.loadChart(c.id);
      const places = chart.definition.objects.reduce((n, o) => n + (!o.bookable ? 0 : o.type === 'generalAdmission' ? (o.capacity ?? 0) : 1), 0);
      const categories = chart.definition.categories.map((category) => ({ key: String(category.key), label: category.label, color: category.color }));
      return { key: c.key, name: c.name, places, events: eventsPerChart.get(c.id) ?? 0, categories };
    });
    return { events: summaries.sort(byDate(new Date(store.now()).toISOString().slice(0, 10))), charts: chartSummaries };
  });
}
