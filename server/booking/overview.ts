import { eq, sql } from 'drizzle-orm';
import type { ChartSummary, EventSummary, PlaceCounts } from '../../contracts/page-services';
import { BOOKED, FREE, HELD, NOT_FOR_SALE } from '../../contracts/statuses';
import { Tally, type TallyView } from '../../contracts/tally';
import { eventByKey } from './events';
import { findEvent } from './event-state';
import { organiserObjects } from './organiser-event';
import type { Store } from './store';
import { many, transaction, type Steps } from '../../db/steps';

/*
 * What the organisers' home shows: every event of the workspace with its places by status and what the booked
 * ones are worth at the event's prices (counted as the event view counts, contracts/tally.ts), and every chart.
 */

/** The home's summary of a tally: held, booked, free, not for sale, and every custom status as other. */
function placeCounts(view: TallyView): PlaceCounts {
  const counts: PlaceCounts = { free: 0, held: 0, booked: 0, other: 0, notForSale: 0, total: view.total };
  for (const [status, places] of Object.entries(view.byStatus)) {
    counts[status === FREE ? 'free' : status === HELD ? 'held' : status === BOOKED ? 'booked' : status === NOT_FOR_SALE ? 'notForSale' : 'other'] += places;
  }
  return counts;
}

/** Upcoming events first (soonest first), then those without a date, then past ones (latest first). */
function byDate(today: string) {
  const rank = (e: EventSummary) => (e.date === null ? 1 : e.date >= today ? 0 : 2);
  return (a: EventSummary, b: EventSummary) =>
    rank(a) - rank(b) ||
    (rank(a) === 2 ? (b.date ?? '').localeCompare(a.date ?? '') : (a.date ?? '').localeCompare(b.date ?? '')) ||
    a.key.localeCompare(b.key);
}

export function organiserOverview(store: Store, workspaceId: number): Steps<{ events: EventSummary[]; charts: ChartSummary[] }> {
  const { charts, events } = store.tables;
  return transaction(function* () {
    const rows = yield* many(store.db.select({ key: events.key }).from(events).where(eq(events.workspaceId, workspaceId)));
    const summaries: EventSummary[] = [];
    for (const { key } of rows) {
      const handle = (yield* findEvent(store, key, workspaceId))!;
      const event = (yield* eventByKey(store, workspaceId, key))!;
      const tally = Tally.of(handle.chart.definition, event.pricing, yield* organiserObjects(store, handle)).view();
      summaries.push({
        key,
        name: event.name,
        date: event.date,
        chartKey: event.chartKey,
        counts: placeCounts(tally),
        revenue: tally.revenue,
        currency: event.pricing?.currency ?? null,
      });
    }
    const perChart = yield* many(
      store.db
        .select({ chartId: events.chartId, events: sql<number>`count(*)`.mapWith(Number) })
        .from(events)
        .where(eq(events.workspaceId, workspaceId))
        .groupBy(events.chartId),
    );
    const eventsPerChart = new Map(perChart.map((r) => [r.chartId, r.events]));
    const chartRows = yield* many(
      store.db.select({ id: charts.id, key: charts.key, name: charts.name }).from(charts).where(eq(charts.workspaceId, workspaceId)),
    );
    const chartSummaries: ChartSummary[] = [];
    for (const c of chartRows) {
      const chart = yield* store.loadChart(c.id);
      const places = chart.definition.objects.reduce((n, o) => n + (!o.bookable ? 0 : o.type === 'generalAdmission' ? (o.capacity ?? 0) : 1), 0);
      const categories = chart.definition.categories.map((category) => ({ key: String(category.key), label: category.label, color: category.color }));
      chartSummaries.push({ key: c.key, name: c.name, places, events: eventsPerChart.get(c.id) ?? 0, categories });
    }
    return { events: summaries.sort(byDate(new Date(store.now()).toISOString().slice(0, 10))), charts: chartSummaries };
  });
}
