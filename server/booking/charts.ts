import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { charts, type ChartRow } from '../../db/schema';
import type { ChartDefinition } from '../../contracts/chart';
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
