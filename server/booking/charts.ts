import { randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { ChartRow } from '../../db/schema';
import type { Category, ChartDefinition } from '../../contracts/chart';
import type { EventChartConfig } from '../../contracts/event-chart';
import { pageById, type Page, type PageRequest } from './paging';
import { matches } from './text-match';
import type { Store } from './store';
import type { Tables } from '../../db/dialect';
import { exec, many, one, transaction, type Steps } from '../../db/steps';

export type StoreChartResult = { ok: true; chart: ChartRow } | { ok: false; reason: 'key_taken' };

export function storeChart(store: Store, workspaceId: number, definition: ChartDefinition, key: string = randomUUID()): Steps<StoreChartResult> {
  const { charts } = store.tables;
  return transaction(function* (): Steps<StoreChartResult> {
    if (yield* chartByKey(store, workspaceId, key)) return { ok: false, reason: 'key_taken' };
    const chart = yield* one(
      store.db
        .insert(charts)
        .values({ workspaceId, key, name: definition.name, definition: JSON.stringify(definition) })
        .returning(),
    );
    return { ok: true, chart };
  });
}

/**
 * A chart as browsers draw it, by its ref (`{id}-{hash}`), as JSON: the stored model without the seats'
 * neighbours, which only the server's best-available uses (browsers follow `rows`). That is a quarter of a
 * 100,000-seat chart's 26 MB, and of the time a browser takes to parse it. Built on each call: the API keeps the
 * compressed result per version. Unknown or stale refs (the hash must match) find nothing, so refs cannot be
 * walked through by counting ids.
 */
export function* chartSource(store: Store, ref: string): Steps<string | undefined> {
  const id = Number(/^(\d+)-[0-9a-f]{16}$/.exec(ref)?.[1]);
  // Compared with the loaded chart's ref, hashed once per process: a wrong ref, asked for again and again by
  // anyone, costs a lookup, never a hash of megabytes of JSON.
  const chart = Number.isSafeInteger(id) ? yield* store.findChart(id) : undefined;
  if (chart?.ref !== ref) return undefined;
  const { definition } = chart;
  return JSON.stringify({ ...definition, objects: definition.objects.map(({ leftNeighbour: _left, rightNeighbour: _right, ...drawn }) => drawn) });
}

export function chartByKey(store: Store, workspaceId: number, key: string): Steps<ChartRow | undefined> {
  const { charts } = store.tables;
  return one(
    store.db
      .select()
      .from(charts)
      .where(and(eq(charts.workspaceId, workspaceId), eq(charts.key, key))),
  );
}

/** A chart as the seats.io API lists it: its row, its tags, how many events use it, whether it has a draft. */
export type ChartListing = Omit<ChartRow, 'definition' | 'draft' | 'tags'> & { tags: string[]; eventCount: number; hasDraft: boolean };

/**
 * Every column but the drawing, which a list has no use for (megabytes for a large venue), and the chart's event
 * count, in the same query.
 */
function listedColumns({ charts }: Tables) {
  const { definition: _definition, draft: _draft, ...withoutDrawing } = getTableColumns(charts);
  return {
    ...withoutDrawing,
    // Written out: inside a subquery, Drizzle would leave both columns unqualified, and `id` would be the event's.
    eventCount: sql<number>`(select count(*) from "events" where "events"."chart_id" = "charts"."id")`.mapWith(Number),
    hasDraft: sql<boolean>`"charts"."draft" is not null`.mapWith(Boolean),
  };
}

const listed = (row: Omit<ChartListing, 'tags'> & { tags: string }): ChartListing => ({ ...row, tags: JSON.parse(row.tags) as string[] });

/** The workspace's charts, newest first, paged; by a part of the name and by tag when asked. */
export function* listCharts(store: Store, workspaceId: number, page: PageRequest, only: { filter?: string; tag?: string }): Steps<Page<ChartListing>> {
  const { charts } = store.tables;
  const conditions = [eq(charts.workspaceId, workspaceId)];
  if (only.filter) conditions.push(matches(store.dialect, charts.name, only.filter));
  // Tags are stored as a sorted JSON array: one of them, quoted, is in the text.
  if (only.tag) conditions.push(matches(store.dialect, charts.tags, JSON.stringify(only.tag)));
  const rows = yield* pageById(page, charts.id, (bound, order, limit) =>
    many(
      store.db
        .select(listedColumns(store.tables))
        .from(charts)
        .where(and(...conditions, bound))
        .orderBy(...order)
        .limit(limit),
    ),
  );
  return { ...rows, items: rows.items.map(listed) };
}

export function* chartListing(store: Store, workspaceId: number, key: string): Steps<ChartListing | undefined> {
  const { charts } = store.tables;
  const row = yield* one(
    store.db
      .select(listedColumns(store.tables))
      .from(charts)
      .where(and(eq(charts.workspaceId, workspaceId), eq(charts.key, key))),
  );
  return row && listed(row);
}

export type ChartFiling = { archived: boolean } | { addTag: string } | { removeTag: string };

/** Archives, unarchives or tags a chart (names are changed in versions: changeChart); false for an unknown chart. */
export function fileChart(store: Store, workspaceId: number, key: string, change: ChartFiling): Steps<boolean> {
  const { charts } = store.tables;
  return transaction(function* () {
    const row = yield* chartByKey(store, workspaceId, key);
    if (!row) return false;
    const tags = new Set(JSON.parse(row.tags) as string[]);
    if ('addTag' in change) tags.add(change.addTag);
    if ('removeTag' in change) tags.delete(change.removeTag);
    const set = 'archived' in change ? { archived: change.archived } : { tags: JSON.stringify([...tags].sort()) };
    yield* exec(store.db.update(charts).set(set).where(eq(charts.id, row.id)));
    return true;
  });
}

/** Every tag of the workspace's charts, sorted. */
export function* chartTags(store: Store, workspaceId: number): Steps<string[]> {
  const { charts } = store.tables;
  const rows = yield* many(store.db.select({ tags: charts.tags }).from(charts).where(eq(charts.workspaceId, workspaceId)));
  return [...new Set(rows.flatMap((r) => JSON.parse(r.tags) as string[]))].sort();
}

/**
 * A copy of a chart's published version (or its draft), under a new key, in the same workspace or another; its
 * events stay with the original. Undefined for an unknown chart, or a draft it does not have.
 */
export function copyChart(
  store: Store,
  fromWorkspaceId: number,
  key: string,
  toWorkspaceId: number,
  version: 'published' | 'draft' = 'published',
): Steps<ChartRow | undefined> {
  const { charts } = store.tables;
  return transaction(function* () {
    const row = yield* chartByKey(store, fromWorkspaceId, key);
    if (!row || (version === 'draft' && !row.draft)) return undefined;
    const source = version === 'draft' ? (JSON.parse(row.draft!) as ChartDefinition) : published(row);
    const name = toWorkspaceId === fromWorkspaceId ? `${source.name} (copy)` : source.name;
    return yield* one(
      store.db
        .insert(charts)
        .values({ workspaceId: toWorkspaceId, key: randomUUID(), name, definition: JSON.stringify({ ...source, name }), tags: row.tags })
        .returning(),
    );
  });
}

/*
 * Versions, as seats.io has them: a chart that events use keeps its published version while changes to its name or
 * categories gather in a draft, which is published (the events are sold on it from then on) or discarded. A chart
 * no event uses changes at once. The seats' drawing itself never changes: a new drawing is a new chart.
 */

export type ChartChange =
  | { name?: string; categories?: Category[] }
  | { addCategory: Category }
  | { removeCategory: string }
  | { updateCategory: { key: string; label?: string; color?: string; accessible?: boolean } };

export type ChartChangeResult =
  | { ok: true }
  | { ok: false; reason: 'chart_not_found' | 'no_draft' }
  | { ok: false; reason: 'category_exists' | 'category_not_found'; key: string }
  | { ok: false; reason: 'event_categories_clash'; eventKey: string; key: string };

const sameKey = (a: string | number, b: string | number) => String(a) === String(b);

/** The chart with a change applied, or why it cannot be. */
function changed(
  chart: ChartDefinition,
  change: ChartChange,
): ChartDefinition | Extract<ChartChangeResult, { reason: 'category_exists' | 'category_not_found' }> {
  const { categories } = chart;
  if ('addCategory' in change) {
    const { key } = change.addCategory;
    if (categories.some((c) => sameKey(c.key, key))) return { ok: false, reason: 'category_exists', key: String(key) };
    return { ...chart, categories: [...categories, change.addCategory] };
  }
  if ('removeCategory' in change) {
    if (!categories.some((c) => sameKey(c.key, change.removeCategory))) return { ok: false, reason: 'category_not_found', key: change.removeCategory };
    return { ...chart, categories: categories.filter((c) => !sameKey(c.key, change.removeCategory)) };
  }
  if ('updateCategory' in change) {
    const { key, ...fields } = change.updateCategory;
    if (!categories.some((c) => sameKey(c.key, key))) return { ok: false, reason: 'category_not_found', key };
    return { ...chart, categories: categories.map((c) => (sameKey(c.key, key) ? { ...c, ...fields } : c)) };
  }
  return { ...chart, ...(change.name !== undefined ? { name: change.name } : {}), ...(change.categories ? { categories: change.categories } : {}) };
}

function* usedByEvents(store: Store, chartId: number): Steps<boolean> {
  const { events } = store.tables;
  return !!(yield* one(store.db.select({ id: events.id }).from(events).where(eq(events.chartId, chartId))));
}

/** The published version as the chart's row has it: its drawing under its current name. */
const published = (row: ChartRow): ChartDefinition => ({ ...(JSON.parse(row.definition) as ChartDefinition), name: row.name });

/** Renames a chart or changes its categories: in its draft when events use it, else at once. */
export function changeChart(store: Store, workspaceId: number, key: string, change: ChartChange): Steps<ChartChangeResult> {
  return transaction(function* (): Steps<ChartChangeResult> {
    const row = yield* chartByKey(store, workspaceId, key);
    if (!row) return { ok: false, reason: 'chart_not_found' };
    const next = changed(row.draft ? (JSON.parse(row.draft) as ChartDefinition) : published(row), change);
    if ('ok' in next) return next;
    if (yield* usedByEvents(store, row.id)) yield* setDraft(store, row.id, JSON.stringify(next));
    else yield* publish(store, row, next);
    return { ok: true };
  });
}

const setDraft = (store: Store, chartId: number, draft: string | null) =>
  exec(store.db.update(store.tables.charts).set({ draft }).where(eq(store.tables.charts.id, chartId)));

/** Makes `version` the chart's published version: what its events are sold on from now on. */
function* publish(store: Store, row: ChartRow, version: ChartDefinition): Steps<void> {
  const { charts } = store.tables;
  yield* exec(
    store.db
      .update(charts)
      .set({ name: version.name, definition: JSON.stringify(version), version: sql`${charts.version} + 1`, draft: null })
      .where(eq(charts.id, row.id)),
  );
}

/**
 * Publishes the chart's draft. Refused, naming the event, when an event's own categories would take a key the
 * draft gives the chart (the event's venue would have two categories of one key).
 */
export function publishDraft(store: Store, workspaceId: number, key: string): Steps<ChartChangeResult> {
  const { events } = store.tables;
  return transaction(function* (): Steps<ChartChangeResult> {
    const row = yield* chartByKey(store, workspaceId, key);
    if (!row) return { ok: false, reason: 'chart_not_found' };
    if (!row.draft) return { ok: false, reason: 'no_draft' };
    const draft = JSON.parse(row.draft) as ChartDefinition;
    for (const event of yield* many(store.db.select({ key: events.key, chartConfig: events.chartConfig }).from(events).where(eq(events.chartId, row.id)))) {
      const own = event.chartConfig ? ((JSON.parse(event.chartConfig) as EventChartConfig).categories ?? []) : [];
      const clash = own.find((c) => draft.categories.some((d) => sameKey(d.key, c.key)));
      if (clash) return { ok: false, reason: 'event_categories_clash', eventKey: event.key, key: String(clash.key) };
    }
    yield* publish(store, row, draft);
    return { ok: true };
  });
}

/** Throws the chart's draft away. */
export function discardDraft(store: Store, workspaceId: number, key: string): Steps<ChartChangeResult> {
  return transaction(function* (): Steps<ChartChangeResult> {
    const row = yield* chartByKey(store, workspaceId, key);
    if (!row) return { ok: false, reason: 'chart_not_found' };
    if (!row.draft) return { ok: false, reason: 'no_draft' };
    yield* setDraft(store, row.id, null);
    return { ok: true };
  });
}

/** A version of the chart (the draft: undefined when there is none). */
export function* chartVersion(store: Store, workspaceId: number, key: string, version: 'published' | 'draft'): Steps<ChartDefinition | undefined> {
  const row = yield* chartByKey(store, workspaceId, key);
  if (!row) return undefined;
  if (version === 'published') return published(row);
  return row.draft ? (JSON.parse(row.draft) as ChartDefinition) : undefined;
}
