import { forkProcess, stop } from './child';
import { measure, bareTarget, oursTarget } from './fanout-bench';
import { conflictShare, load, rawHolds, type LoadResult } from './http-bench';
import { benchAuth, holdToken, importVenue, LOAD_ENV, startAppServer, startPageServer, stopPageServer, type PageServer } from './servers';
import { progress, throughput, time, type Measurement } from './report';
import { freshPostgresDatabase, postgresReachable } from '../server/testing/databases';
import { redisReachable, TEST_REDIS_URL } from '../server/testing/redis';

/*
 * 8. Scale-out: Tessera on PostgreSQL with Redis, as `npm start` runs it, one instance against two on one database,
 * on this machine, whose two cores also run PostgreSQL, Redis and the load generators; PostgreSQL holds against a
 * raw node:http + pg server doing the same conditional update and log insert; and 5,000 charts split over two
 * instances against one bare Socket.IO process holding all 5,000. Each Tessera setup on a fresh database.
 */

/** Events the holds are spread over: an on-sale of several shows. Changes of one event run one after another. */
const SPREAD = Array.from({ length: 8 }, (_, i) => `show-${i}`);

const SECTION = '8 scale-out';

type Instance = PageServer & { port: number };

/** `count` instances of the production server on a fresh PostgreSQL database with Redis; the first imports the venue. */
async function startInstances(count: number, seats: number): Promise<{ instances: Instance[]; labels: string[]; close: () => Promise<void> }> {
  const database = await freshPostgresDatabase();
  const env = { ...LOAD_ENV, DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL };
  const withPort = (server: PageServer): Instance => ({ ...server, port: Number(new URL(server.base).port) });
  const first = withPort(await startPageServer(env));
  const labels = await importVenue(
    first.base,
    seats,
    'bench',
    ['bench', ...SPREAD].map((eventKey) => ({ eventKey })),
  );
  const instances = [first];
  while (instances.length < count) instances.push(withPort(await startPageServer(env)));
  return {
    instances,
    labels,
    close: async () => {
      for (const instance of instances) await stopPageServer(instance);
      await database.drop();
    },
  };
}

/**
 * seats.io holds over 50 connections in all, split evenly over the instances (as a balancer would), each load
 * generator on seats of its own; on one event, or spread over SPREAD's. Requests per second summed.
 */
async function holds(instances: Instance[], labels: string[], duration: number, events: string[]): Promise<LoadResult> {
  const tokens = [await holdToken(instances[0]!.port), await holdToken(instances[0]!.port)];
  const results = await Promise.all(
    instances.map((instance, n) =>
      load({
        url: `http://127.0.0.1:${instance.port}/api/events/${events[0]}/actions/hold`,
        method: 'POST',
        connections: 50 / instances.length,
        duration,
        headers: benchAuth,
        holdLabels: labels,
        holdTokens: tokens,
        holdPaths: events.map((event) => `/api/events/${event}/actions/hold`),
        labelOffset: Math.floor((n * labels.length) / instances.length),
      }),
    ),
  );
  const sum = (pick: (r: LoadResult) => number) => results.reduce((total, r) => total + pick(r), 0);
  const statusCodes: LoadResult['statusCodes'] = {};
  for (const r of results)
    for (const [code, { count }] of Object.entries(r.statusCodes)) statusCodes[code] = { count: (statusCodes[code]?.count ?? 0) + count };
  return {
    requestsPerSecond: sum((r) => r.requestsPerSecond),
    p50: Math.max(...results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    total: sum((r) => r.total),
    statusCodes,
  };
}

/** The raw node:http + pg hold on a fresh database. */
async function rawPostgresHolds(seats: number, duration: number): Promise<LoadResult> {
  const database = await freshPostgresDatabase();
  const { child, first } = forkProcess<{ port: number; labels: string[] }>('raw-pg-hold-server', [], {
    BENCH_SEATS: String(seats),
    BENCH_DATABASE_URL: database.url,
  });
  try {
    return await rawHolds(await first, duration);
  } finally {
    await stop(child);
    await database.drop();
  }
}

/** 5,000 charts (1,000 quick) on two API-only instances, changes made through the first, against one bare Socket.IO process. */
async function fanout(quick: boolean): Promise<Measurement[]> {
  const clients = quick ? 1000 : 5000;
  const changes = quick ? 40 : 200;
  const database = await freshPostgresDatabase();
  const env = { BENCH_DATABASE_URL: database.url, BENCH_REDIS_URL: TEST_REDIS_URL };
  const a = await startAppServer(changes + 1000, 'power-loss', env);
  const b = await startAppServer(changes + 1000, 'power-loss', { ...env, BENCH_JOIN: '1' });
  const bare = await bareTarget('socketio');
  try {
    progress(`[scale] fan-out, ${clients.toLocaleString('en')} charts over two instances…`);
    const ours = await measure(await oursTarget(a, b), clients, changes, a.labels.slice(0, changes));
    const base = await measure(bare, clients, changes, a.labels.slice(0, changes));
    const note = `${ours.lost} lost; bare Socket.IO p99 ${base.p99.toFixed(0)} ms with all ${clients.toLocaleString('en')} in one process`;
    return [
      {
        ...time(
          SECTION,
          `fan-out ${clients / 1000}k charts on 2 instances: commit → client p99`,
          ours.p99,
          'ms',
          { name: 'one bare Socket.IO', value: base.p99 },
          1.0,
        ),
        note: ours.lost ? `${ours.lost} MESSAGES LOST` : note,
      },
    ];
  } finally {
    await Promise.all([stop(a.child), stop(b.child), ...bare.children.map(stop)]);
    await database.drop();
  }
}

export async function scaleBench(quick: boolean): Promise<Measurement[]> {
  if (!(await postgresReachable('the scale-out benchmark')) || !(await redisReachable('the scale-out benchmark'))) return [];
  const duration = quick ? 2 : 10;
  const seats = quick ? 10_000 : 40_000;
  progress(`[scale] raw node:http + pg hold, ${duration} s…`);
  const raw = await rawPostgresHolds(seats, duration);

  progress('[scale] one instance on PostgreSQL…');
  const one = await startInstances(1, seats);
  let oneEvent: LoadResult;
  let oneSpread: LoadResult;
  try {
    progress(`[scale] one instance: holds on one event, ${duration} s…`);
    oneEvent = await holds(one.instances, one.labels, duration, ['bench']);
    progress(`[scale] one instance: holds over ${SPREAD.length} events, ${duration} s…`);
    oneSpread = await holds(one.instances, one.labels, duration, SPREAD);
  } finally {
    await one.close();
  }

  progress('[scale] two instances on one PostgreSQL database…');
  const two = await startInstances(2, seats);
  let twoEvent: LoadResult;
  let twoSpread: LoadResult;
  try {
    progress(`[scale] two instances: holds over ${SPREAD.length} events, ${duration} s…`);
    twoSpread = await holds(two.instances, two.labels, duration, SPREAD);
    progress(`[scale] two instances: holds on one event, ${duration} s…`);
    twoEvent = await holds(two.instances, two.labels, duration, ['bench']);
  } finally {
    await two.close();
  }

  const latency = (r: LoadResult) => `p50 ${r.p50} ms, p99 ${r.p99} ms`;
  return [
    {
      ...throughput(
        SECTION,
        'PostgreSQL: hold via seats.io API vs raw pg hold',
        oneEvent.requestsPerSecond,
        'req/s',
        { name: 'raw node:http + pg hold', value: raw.requestsPerSecond },
        { min: 0.5, text: '≥ 0.5× raw' },
      ),
      note: `one instance, one event, ${latency(oneEvent)}, ${conflictShare(oneEvent, '400')}; raw ${latency(raw)}`,
    },
    {
      ...throughput(
        SECTION,
        `2 instances vs 1: holds over ${SPREAD.length} events`,
        twoSpread.requestsPerSecond,
        'req/s',
        { name: 'one instance', value: oneSpread.requestsPerSecond },
        { min: 1.3, text: '≥ 1.3× one' },
      ),
      note: `two ${latency(twoSpread)}, one ${latency(oneSpread)}; ${conflictShare(twoSpread, '400')}`,
    },
    {
      ...throughput(SECTION, '2 instances vs 1: holds on one event', twoEvent.requestsPerSecond, 'req/s', {
        name: 'one instance',
        value: oneEvent.requestsPerSecond,
      }),
      note: `two ${latency(twoEvent)}: one event's changes run one after another, on any number of instances`,
    },
    ...(await fanout(quick)),
  ];
}
