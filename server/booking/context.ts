import type { Db } from '../../db/client';
import type { ChartDefinition, ChartObject } from '../charts/chart-model';
import { prepareStatements, type Statements } from './statements';

/** One object's new state as everybody may see it: never a hold token (whoever has it can book the seat). */
export type PublicChange = { label: string; status: string; numFree?: number };

/** Changes committed to one event in one transaction, numbered fromSeq..toSeq without gaps. */
export type CommittedBatch = { eventKey: string; fromSeq: number; toSeq: number; changes: PublicChange[] };

export type BookingDeps = {
  db: Db;
  /** Milliseconds since the epoch; injectable so tests can move time. */
  now: () => number;
  /** Called after every commit, never inside a transaction. */
  onCommit: (batches: CommittedBatch[]) => void;
};

export type LoadedChart = { id: number; key: string; definition: ChartDefinition; byLabel: Map<string, ChartObject>; generalAdmission: ChartObject[] };

/** What a chart needs to draw an event now (see eventSnapshot). */
export type Snapshot = { seq: number; objects: PublicChange[] };

export type BookingContext = BookingDeps & {
  statements: Statements;
  loadChart: (chartId: number) => LoadedChart;
  /** Runs `fn` in one BEGIN IMMEDIATE transaction (synchronous: an async fn would not roll back). */
  transact: <T>(fn: () => T) => T;
  /** The last snapshot of each event (by id), valid while the event's seq has not moved. */
  snapshots: Map<number, Snapshot>;
};

export function createBookingContext(deps: BookingDeps): BookingContext {
  const statements = prepareStatements(deps.db);
  // Charts are immutable once stored, so a parsed chart can be kept for the life of the process.
  const cache = new Map<number, LoadedChart>();
  const loadChart = (chartId: number): LoadedChart => {
    let chart = cache.get(chartId);
    if (!chart) {
      const row = statements.chartDefinition.get({ id: chartId });
      if (!row) throw new Error(`chart ${chartId} referenced but missing`);
      const definition = JSON.parse(row.definition) as ChartDefinition;
      chart = {
        id: chartId,
        key: row.key,
        definition,
        byLabel: new Map(definition.objects.map((o) => [o.label, o])),
        generalAdmission: definition.objects.filter((o) => o.type === 'generalAdmission'),
      };
      cache.set(chartId, chart);
    }
    return chart;
  };
  // better-sqlite3 builds a wrapper per transaction function: build one, once, that runs whatever it is given.
  const immediate = deps.db.$client.transaction((fn: () => unknown) => fn()).immediate;
  const transact = <T>(fn: () => T): T => immediate(fn) as T;
  return { ...deps, statements, loadChart, transact, snapshots: new Map() };
}
