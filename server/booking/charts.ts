import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { charts, type ChartRow } from '../../db/schema';
import type { ChartDefinition } from '../charts/chart-model';
import type { BookingContext } from './context';

export type StoreChartResult = { ok: true; chart: ChartRow } | { ok: false; reason: 'key_taken' };

export function storeChart(ctx: BookingContext, workspaceId: number, definition: ChartDefinition, key: string = randomUUID()): StoreChartResult {
  const taken = ctx.db
    .select({ id: charts.id })
    .from(charts)
    .where(and(eq(charts.workspaceId, workspaceId), eq(charts.key, key)))
    .get();
  if (taken) return { ok: false, reason: 'key_taken' };
  const chart = ctx.db
    .insert(charts)
    .values({ workspaceId, key, name: definition.name, definition: JSON.stringify(definition) })
    .returning()
    .get();
  return { ok: true, chart };
}

export function chartByKey(ctx: BookingContext, workspaceId: number, key: string): ChartRow | undefined {
  return ctx.db
    .select()
    .from(charts)
    .where(and(eq(charts.workspaceId, workspaceId), eq(charts.key, key)))
    .get();
}
