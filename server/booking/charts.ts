import { randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { charts, type ChartRow } from '../../db/schema';
import type { ChartDefinition } from '../../contracts/chart';
import { pageById, type Page, type PageRequest } from './paging';
import { matches } from './text-match';
import type { Store } from './store';

export type StoreChartResult = { ok: true; chart: ChartRow } | { ok: false; reason: 'key_taken' };

export function storeChart(store: Store, workspaceId: number, definition: ChartDefinition, key: string = randomUUID()): StoreChartResult {
  return store.transact((): StoreChartResult => {
    if (chartByKey(store, workspaceId, key)) return { ok: false, reason: 'key_taken' };
    const chart = store.db
      .insert(charts)
      .values({ workspaceId, key, name: definition.name, definition: JSON.stringify(definition) })
      .returning()
      .get();
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
export function chartSource(store: Store, ref: string): string | undefined {
  const id = Number(/^(\d+)-[0-9a-f]{16}$/.exec(ref)?.[1]);
  // Compared with the loaded chart's ref, hashed once per process: a wrong ref, asked for again and again by
  // anyone, costs a lookup, never a hash of megabytes of JSON.
  const chart = Number.isSafeInteger(id) ? store.findChart(id) : undefined;
  if (chart?.ref !== ref) return undefined;
  const { definition } = chart;
  return JSON.stringify({ ...definition, objects: definition.objects.map(({ leftNeighbour: _left, rightNeighbour: _right, ...drawn }) => drawn) });
}

export function chartByKey(store: Store, workspaceId: number, key: string): ChartRow | undefined {
  return store.db
    .select()
    .from(charts)
    .where(and(eq(charts.workspaceId, workspaceId), eq(charts.key, key)))
    .get();
}

/** A chart as the seats.io API lists it: its row, its tags, and how many events use it. */
export type ChartListing = Omit<ChartRow, 'definition' | 'tags'> & { tags: string[]; eventCount: number };

/**
 * Every column but the drawing, which a list has no use for (megabytes for a large venue), and the chart's event
 * count, in the same query.
 */
const { definition: _definition, ...withoutDrawing } = getTableColumns(charts);
// Written out: inside a subquery, Drizzle would leave both columns unqualified, and `id` would be the event's.
const listedColumns = { ...withoutDrawing, eventCount: sql<number>`(select count(*) from "events" where "events"."chart_id" = "charts"."id")` };

const listed = (row: Omit<ChartListing, 'tags'> & { tags: string }): ChartListing => ({ ...row, tags: JSON.parse(row.tags) as string[] });

/** The workspace's charts, newest first, paged; by a part of the name and by tag when asked. */
export function listCharts(store: Store, workspaceId: number, page: PageRequest, only: { filter?: string; tag?: string }): Page<ChartListing> {
  const conditions = [eq(charts.workspaceId, workspaceId)];
  if (only.filter) conditions.push(matches(charts.name, only.filter));
  // Tags are stored as a sorted JSON array: one of them, quoted, is in the text.
  if (only.tag) conditions.push(matches(charts.tags, JSON.stringify(only.tag)));
  const rows = pageById(page, charts.id, (bound, order, limit) =>
    store.db
      .select(listedColumns)
      .from(charts)
      .where(and(...conditions, bound))
      .orderBy(...order)
      .limit(limit)
      .all(),
  );
  return { ...rows, items: rows.items.map(listed) };
}

export function chartListing(store: Store, workspaceId: number, key: string): ChartListing | undefined {
  const row = store.db
    .select(listedColumns)
    .from(charts)
    .where(and(eq(charts.workspaceId, workspaceId), eq(charts.key, key)))
    .get();
  return row && listed(row);
}

export type ChartFiling = { name: string } | { archived: boolean } | { addTag: string } | { removeTag: string };

/** Renames, archives, unarchives or tags a chart (its drawing never changes); false for an unknown chart. */
export function fileChart(store: Store, workspaceId: number, key: string, change: ChartFiling): boolean {
  return store.transact(() => {
    const row = chartByKey(store, workspaceId, key);
    if (!row) return false;
    const tags = new Set(JSON.parse(row.tags) as string[]);
    if ('addTag' in change) tags.add(change.addTag);
    if ('removeTag' in change) tags.delete(change.removeTag);
    const set = 'name' in change ? { name: change.name } : 'archived' in change ? { archived: change.archived } : { tags: JSON.stringify([...tags].sort()) };
    store.db.update(charts).set(set).where(eq(charts.id, row.id)).run();
    return true;
  });
}

/** Every tag of the workspace's charts, sorted. */
export function chartTags(store: Store, workspaceId: number): string[] {
  const rows = store.db.select({ tags: charts.tags }).from(charts).where(eq(charts.workspaceId, workspaceId)).all();
  return [...new Set(rows.flatMap((r) => JSON.parse(r.tags) as string[]))].sort();
}

/** A copy of a chart, under a new key, in the same workspace or another; its events stay with the original. */
export function copyChart(store: Store, fromWorkspaceId: number, key: string, toWorkspaceId: number): ChartRow | undefined {
  return store.transact(() => {
    const row = chartByKey(store, fromWorkspaceId, key);
    if (!row) return undefined;
    const name = toWorkspaceId === fromWorkspaceId ? `${row.name} (copy)` : row.name;
    return store.db.insert(charts).values({ workspaceId: toWorkspaceId, key: randomUUID(), name, definition: row.definition }).returning().get();
  });
}
