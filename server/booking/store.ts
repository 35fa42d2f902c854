import { createHash } from 'node:crypto';
import type { Connection, Db } from '../../db/client';
import type { Dialect, Tables } from '../../db/dialect';
import type { Workspace } from '../../db/schema';
import type { ChartDefinition, ChartObject } from '../../contracts/chart';
import type { Snapshot } from '../../contracts/realtime';
import type { CommittedChanges } from './change-status';
import { eventChart as applyEventChart, type EventChartConfig } from '../../contracts/event-chart';
import { RecentlyUsed } from '../recently-used';
import { prepareStatements, type Statements } from './statements';
import { isFailure, just, one, transaction, type Steps } from '../../db/steps';

/**
 * What the booking layer's operations share: the database, its prepared statements, the one transaction shell,
 * the clock and the commit hook. Internal to server/booking: everything outside it gets operations (booking.ts).
 */
export type StoreDeps = {
  connection: Connection;
  /** Milliseconds since the epoch; injectable so tests can move time. */
  now: () => number;
  /** Called after every commit of a status change, never inside a transaction. */
  onCommit: (batches: CommittedChanges[]) => void;
};

export type LoadedChart = {
  id: number;
  key: string;
  /** Its published version's number (charts.version): a kept chart is used only for the version asked for. */
  version: number;
  /** The chart's version, for URLs that can be cached for good: its id and a hash of its stored JSON. */
  ref: string;
  definition: ChartDefinition;
  byLabel: Map<string, ChartObject>;
  generalAdmission: ChartObject[];
};

export type Store = Omit<StoreDeps, 'connection'> & {
  /** Drizzle over the database: every query is built with it, from `tables` (db/dialect.ts). */
  db: Db;
  tables: Tables;
  dialect: Dialect;
  statements: Statements;
  /**
   * Runs the layer's steps (db/steps.ts) with this database's driver: the operations' (booking.ts), and those of an
   * operation that awaits something else between its steps (a password hash). Every write is in a `transaction` step.
   * SQLite's answer at once; PostgreSQL's with a promise.
   */
  run: <T>(steps: Steps<T>) => T | Promise<T>;
  /**
   * A stored chart's published version, parsed and hashed once per version; undefined for an unknown id. Asks the
   * database which version is current (one small read) unless told.
   */
  findChart: (chartId: number, version?: number) => Steps<LoadedChart | undefined>;
  /** A chart that an event refers to, so it must exist. */
  loadChart: (chartId: number, version?: number) => Steps<LoadedChart>;
  /**
   * The chart as an event has it (`chartConfig`: the event's stored config, contracts/event-chart.ts), kept a while;
   * `version`, when known: the chart's current version, read with the event.
   */
  eventChart: (chartId: number, chartConfig: string | null, version?: number) => Steps<LoadedChart>;
  /** The same, when it is kept: no step needed (every change finds its event's chart). */
  keptEventChart: (chartId: number, chartConfig: string | null, version: number) => LoadedChart | undefined;
  /**
   * On SQLite, runs `fn` in one transaction with the other grouped calls of this turn of the event loop (each in a
   * savepoint of its own, so each is still all or nothing), settled once that transaction has committed. A commit
   * costs about as much as the rest of a hold, and an on-sale's holds arrive many to a turn. On PostgreSQL, whose
   * transactions wait for the network, the calls run side by side instead, each in its own.
   */
  group: <T>(fn: () => T | Promise<T>) => Promise<T>;
  /** The last snapshot of each event (by id), valid while the event's seq and chart (its version and config) are the same. */
  snapshots: Map<number, { chart: LoadedChart; snapshot: Snapshot }>;
  /**
   * Whether this process is the database's only user (SQLite's one process): then rows kept in memory change only
   * through it, and may be kept until it changes them. With PostgreSQL, other instances change them too.
   */
  alone: boolean;
  /** Workspaces by the secret keys that recently authenticated (workspaces.ts): cleared by any change of a workspace. */
  authenticated: RecentlyUsed<string, { workspace: Workspace; until: number }>;
};

/** Secret keys whose workspace is kept: the venues calling the API now. */
const AUTHENTICATED_KEPT = 1_000;

/** Events with a chart config of their own whose chart is kept: those on sale now, and some. */
const EVENT_CHARTS_KEPT = 64;

/** A chart definition with the lookups the booking layer makes. */
function indexed(definition: ChartDefinition): Pick<LoadedChart, 'definition' | 'byLabel' | 'generalAdmission'> {
  return {
    definition,
    byLabel: new Map(definition.objects.map((o) => [o.label, o])),
    generalAdmission: definition.objects.filter((o) => o.type === 'generalAdmission'),
  };
}

/** `42-1f3a…`: the chart's id and the first 64 bits of the SHA-256 of its stored JSON. */
function chartRef(chartId: number, json: string): string {
  return `${chartId}-${createHash('sha256').update(json).digest('hex').slice(0, 16)}`;
}

export function createStore({ connection, ...deps }: StoreDeps): Store {
  const { db, dialect } = connection;
  const statements = prepareStatements(db, dialect);
  // Each chart's latest version seen, parsed: a version never changes (publishing makes the next one).
  const cache = new Map<number, LoadedChart>();
  const findChart = function* (chartId: number, version?: number): Steps<LoadedChart | undefined> {
    const kept = cache.get(chartId);
    if (kept && kept.version === (version ?? (yield* one(statements.chartVersion, { id: chartId }))?.version)) return kept;
    const row = yield* one(statements.chartDefinition, { id: chartId });
    if (!row) return undefined;
    const definition = JSON.parse(row.definition) as ChartDefinition;
    const chart = { id: chartId, key: row.key, version: row.version, ref: chartRef(chartId, row.definition), ...indexed(definition) };
    // A transaction that began before a publish reads the version before it: the newer one stays kept.
    if (!kept || kept.version < chart.version) cache.set(chartId, chart);
    return chart;
  };
  const loadChart = function* (chartId: number, version?: number): Steps<LoadedChart> {
    const chart = yield* findChart(chartId, version);
    if (!chart) throw new Error(`chart ${chartId} referenced but missing`);
    return chart;
  };
  const eventCharts = new RecentlyUsed<string, LoadedChart>(EVENT_CHARTS_KEPT);
  /** The chart as the event has it, built from the chart's version once; by the version (ref), so a replaced one is never found again. */
  const ownChart = (chart: LoadedChart, chartConfig: string | null): LoadedChart => {
    if (chartConfig === null) return chart;
    const key = `${chart.ref}\u0000${chartConfig}`;
    let own = eventCharts.get(key);
    if (!own) {
      const definition = applyEventChart(chart.definition, JSON.parse(chartConfig) as EventChartConfig);
      own = { ...chart, ...indexed(definition) };
      eventCharts.set(key, own);
    }
    return own;
  };
  const keptEventChart = (chartId: number, chartConfig: string | null, version: number): LoadedChart | undefined => {
    const chart = cache.get(chartId);
    return chart?.version === version ? ownChart(chart, chartConfig) : undefined;
  };
  const eventChart = function* (chartId: number, chartConfig: string | null, version?: number): Steps<LoadedChart> {
    return ownChart(yield* loadChart(chartId, version), chartConfig);
  };
  const shared = {
    ...deps,
    db,
    tables: dialect.tables,
    dialect,
    statements,
    findChart,
    loadChart,
    eventChart,
    keptEventChart,
    snapshots: new Map(),
    alone: connection.sync,
    authenticated: new RecentlyUsed<string, { workspace: Workspace; until: number }>(AUTHENTICATED_KEPT),
  };
  if (!connection.sync) {
    // A change nested in a transaction is announced when the outermost commits: a retried one, once.
    const onCommit = (batches: CommittedChanges[]) => connection.afterCommit(() => deps.onCommit(batches));
    return { ...shared, onCommit, run: connection.run, group: async (fn) => fn() };
  }
  const { run } = connection;
  // Changes committed by a group are announced once the group's transaction has committed, never inside it.
  let announcing: CommittedChanges[][] | undefined;
  const onCommit = (batches: CommittedChanges[]) => (announcing ? announcing.push(batches) : deps.onCommit(batches));
  const waiting: GroupedCall[] = [];
  const flush = () => {
    const calls = waiting.splice(0);
    const settle: (() => void)[] = [];
    const committed: CommittedChanges[][] = [];
    announcing = committed;
    try {
      run(transaction(() => runGroup(calls, committed, settle)));
    } catch (cause) {
      for (const call of calls) call.reject(cause);
      return;
    } finally {
      announcing = undefined;
    }
    for (const batches of committed) deps.onCommit(batches);
    for (const done of settle) done();
  };
  const group = <T>(fn: () => T | Promise<T>): Promise<T> =>
    new Promise((resolve, reject) => {
      if (!waiting.length) setImmediate(flush);
      waiting.push({ fn, resolve: resolve as (value: unknown) => void, reject });
    });
  return { ...shared, onCommit, run, group };
}

type GroupedCall = { fn: () => unknown; resolve: (value: unknown) => void; reject: (cause: unknown) => void };

/** Inside the group's transaction: each call in a savepoint of its own, settled (in `settle`) once all have run. */
function* runGroup(calls: GroupedCall[], committed: CommittedChanges[][], settle: (() => void)[]): Steps<void> {
  for (const call of calls) {
    // What a call announced is dropped with its savepoint when it fails or throws; the others go on.
    const announced = committed.length;
    try {
      const value = yield* transaction(() => just(call.fn()));
      if (isFailure(value)) committed.length = announced;
      settle.push(() => call.resolve(value));
    } catch (cause) {
      committed.length = announced;
      settle.push(() => call.reject(cause));
    }
  }
}
