import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, getTableColumns, like, sql } from 'drizzle-orm';
import { charts, events, type ChartRow } from '../../db/schema';
import type { ChartDefinition } from '../../contracts/chart';
import { pageById, type Page, type PageRequest } from './paging';
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

const listed = (store: Store, row: Omit<ChartRow, 'definition'>): ChartListing => ({
  ...row,
  tags: JSON.parse(row.tags) as string[],
  eventCount: store.db.select({ n: count() }).from(events).where(eq(events.chartId, row.id)).get()!.n,
});

/** Every column but the drawing, which a list has no use for (megabytes for a large venue). */
const { definition: _definition, ...withoutDrawing } = getTableColumns(charts);

/** The workspace's charts, newest first, paged; by a part of the name and by tag when asked. */
export function listCharts(store: Store, workspaceId: number, page: PageRequest, only: { filter?: string; tag?: string }): Page<ChartListing> {
  const conditions = [eq(charts.workspaceId, workspaceId)];
  if (only.filter) conditions.push(sql`${charts.name} like ${`%${only.filter.replace(/[%_\\]/g, '\\$&')}%`} escape '\\'`);
  // Tags are stored as a sorted JSON array: one of them, quoted, is in the text.
  if (only.tag) conditions.push(like(charts.tags, `%${JSON.stringify(only.tag).replace(/[%_\\]/g, '\\$&')}%`));
  const rows = pageById(page, charts.id, (bound, order, limit) =>
    store.db
      .select(withoutDrawing)
      .from(charts)
      .where(and(...conditions, bound))
      .orderBy(...order)
      .limit(limit)
      .all(),
  );
  return { ...rows, items: rows.items.map((row) => listed(store, row)) };
}

export function chartListing(store: Store, workspaceId: number, key: string): ChartListing | undefined {
  const row = chartByKey(store, workspaceId, key);
  return row && listed(store, row);
}

/** The keys of the events of a chart, oldest first, at most `limit`. */
export function chartEventKeys(store: Store, chartId: number, limit: number): string[] {
  return store.db
    .select({ key: events.key })
    .from(events)
    .where(eq(events.chartId, chartId))
    .orderBy(asc(events.id))
    .limit(limit)
    .all()
    .map((r) => r.key);
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
