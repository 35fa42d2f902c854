import type { ChartRow } from '../../db/schema';
import type { ChartDefinition } from '../../contracts/chart';
import { importSeatsioChart } from '../charts/import-seatsio-chart';
import type { FieldIssue } from '../field-issues';
import { storeChart } from './charts';
import { createEvents, type CreateEventsResult, type EventParams, type EventView } from './events';
import type { Store } from './store';
import { transaction, type Steps } from '../../db/steps';

export type ImportChartResult =
  | { ok: true; chart: ChartRow; definition: ChartDefinition; events: EventView[] }
  | { ok: false; reason: 'invalid_chart'; errors: FieldIssue[] }
  | { ok: false; reason: 'chart_key_taken' }
  | Exclude<CreateEventsResult, { ok: true }>;

/**
 * Validates a seats.io chart file, stores it under `key` (a new UUID by default) and creates `events` on it, in
 * one transaction: all of it, or nothing. The one recipe for the API, the seed, the CLI, tests and benchmarks.
 */
export function importChart(
  store: Store,
  workspaceId: number,
  file: unknown,
  options: { key?: string; events?: EventParams[] } = {},
): Steps<ImportChartResult> | ImportChartResult {
  const imported = importSeatsioChart(file);
  if (!imported.ok) return { ok: false, reason: 'invalid_chart', errors: imported.errors };
  return transaction(function* (): Steps<ImportChartResult> {
    const stored = yield* storeChart(store, workspaceId, imported.chart, options.key);
    if (!stored.ok) return { ok: false, reason: 'chart_key_taken' };
    const created = yield* createEvents(store, workspaceId, stored.chart.key, options.events ?? []);
    if (!created.ok) return created;
    return { ok: true, chart: stored.chart, definition: imported.chart, events: created.events };
  });
}
