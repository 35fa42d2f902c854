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

export function chartByKey(store: Store, workspaceId: number, key: string): ChartRow | undefined {
  return store.db
    .select()
    .from(charts)
    .where(and(eq(charts.workspaceId, workspaceId), eq(charts.key, key)))
    .get();
}
