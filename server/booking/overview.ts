import { and, eq, sql } from 'drizzle-orm';
import { charts, eventObjects, events, gaAllocations } from '../../db/schema';
import type { ChartSummary, EventSummary, PlaceCounts } from '../../contracts/page-services';
import { BOOKED, FREE, HELD } from '../../contracts/statuses';
import { eventByKey } from './events';
import { findEvent } from './event-state';
import type { Store } from './store';

/*
 * What the organisers' home shows: every event of the workspace with its places by status and what the booked
 * ones are worth at the event's prices, and every chart. Counted with grouped queries, not object by object.
 */

function countPlaces(store: Store, eventId: number, capacityOfGa: number): { counts: PlaceCounts; bookedByLabel: Map<string, number> } {
  const counts: PlaceCounts = { free: 0, held: 0, booked: 0, other: 0, notForSale: 0, total: 0 };
  const bookedByLabel = new Map<string, number>();
  const seats = store.db
    .select({ status: eventObjects.status, forSale: eventObjects.forSale, places: sql<number>`count(*)` })
    .from(eventObjects)
    .where(eq(eventObjects.eventId, eventId))
    .groupBy(eventObjects.status, eventObjects.forSale)
    .all();
  const ga = store.db
    .select({ label: gaAllocations.label, status: gaAllocations.status, places: sql<number>`sum(${gaAllocations.quantity})` })
    .from(gaAllocations)
    .where(eq(gaAllocations.eventId, eventId))
    .groupBy(gaAllocations.label, gaAllocations.status)
    .all();
  let gaTaken = 0;
  for (const { status, forSale, places } of [...seats.map((r) => ({ ...r, label: null })), ...ga.map((r) => ({ ...r, forSale: true }))]) {
    if (!forSale && status === FREE) counts.notForSale += places;
    else if (status === FREE) counts.free += places;
    else if (status === HELD) counts.held += places;
    else if (status === BOOKED) counts.booked += places;
    else counts.other += places;
  }
  for (const r of ga) {
    gaTaken += r.places;
    if (r.status === BOOKED) bookedByLabel.set(r.label, (bookedByLabel.get(r.label) ?? 0) + r.places);
  }
  counts.free += capacityOfGa - gaTaken;
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
      const prices = event.pricing?.prices;
      let revenue = 0;
      for (const [label, places] of bookedByLabel) {
        const category = handle.chart.byLabel.get(label)?.categoryKey;
        if (prices && category !== undefined && Object.hasOwn(prices, category)) revenue += prices[category]! * places;
      }
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
