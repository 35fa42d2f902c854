import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import { forkProcess, stop } from './child';
import { benchAuth, holdToken, startAppServer, startProductionServer, type AppServer } from './servers';
import { progress, throughput, time, type Measurement } from './report';

/*
 * 2. HTTP: holds per second through both APIs on the server as `npm start` runs it (pages included), load from
 * autocannon in its own process, against a bare node:http + better-sqlite3 server doing the same hold and a trivial
 * handler of the same server (GET /api/v1/health), in the same run; and the API-only server beside it.
 * 3. Contention: 1,000 concurrent holds of one seat: exactly one may succeed; checked in the database.
 */

export type LoadResult = {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  total: number;
  statusCodes: Record<string, { count: number }>;
};

export function load(config: object): Promise<LoadResult> {
  const { child, first } = forkProcess<LoadResult>('autocannon');
  child.send(config);
  return first;
}

/** Holds through the API on `event` for `duration` seconds over 50 connections, every seat asked for by both tokens. */
function holdsOn(server: AppServer, event: string, duration: number, tokens: string[]) {
  return load({
    url: `http://127.0.0.1:${server.port}/api/events/${event}/actions/hold`,
    method: 'POST',
    connections: 50,
    duration,
    headers: benchAuth,
    holdLabels: server.labels,
    holdTokens: tokens,
  });
}

/**
 * The machine's limits: a bare node:http + better-sqlite3 server's trivial route, and the same holds as Tessera's
 * (same body, half conflicting).
 */
async function rawServer(duration: number): Promise<{ trivial: LoadResult; hold: LoadResult }> {
  const { child, first } = forkProcess<{ port: number; labels: string[] }>('raw-hold-server', [], { BENCH_SEATS: '100000' });
  const raw = await first;
  try {
    const trivial = await load({ url: `http://127.0.0.1:${raw.port}/health`, method: 'GET', connections: 50, duration });
    return { trivial, hold: await rawHolds(raw, duration) };
  } finally {
    await stop(child);
  }
}

/** Holds on a raw server (`POST /hold`, the seats.io body) over 50 connections, every seat asked for by two tokens. */
export function rawHolds(raw: { port: number; labels: string[] }, duration: number): Promise<LoadResult> {
  return load({
    url: `http://127.0.0.1:${raw.port}/hold`,
    method: 'POST',
    connections: 50,
    duration,
    holdLabels: raw.labels,
    holdTokens: ['raw-token-1', 'raw-token-2'],
  });
}

/** The answers of a hold run, checked: holds and conflicts (the dialect's status for one), nothing else. */
export function conflictShare(holds: LoadResult, conflict: string): string {
  const codes = Object.fromEntries(Object.entries(holds.statusCodes).map(([code, s]) => [code, s.count]));
  if (holds.errors || Object.keys(codes).some((c) => c !== '200' && c !== conflict))
    throw new Error(`unexpected answers to holds: ${JSON.stringify(codes)}, ${holds.errors} errors`);
  return `${Math.round(((codes[conflict] ?? 0) / holds.total) * 100)}% conflicts`;
}

/**
 * On the server as users run it: the trivial route and holds through both APIs, against the raw server's; then the
 * same seats.io holds without syncing to disk, and on the API-only server (no Next), each a server of its own.
 */
export async function httpBench(server: AppServer, quick: boolean): Promise<Measurement[]> {
  const duration = quick ? 2 : 10;
  const seats = server.labels.length;
  progress(`[http] raw node:http: trivial route and hold, ${duration} s each, 50 connections…`);
  const raw = await rawServer(duration);
  progress(`[http] Tessera's trivial route, ${duration} s…`);
  const trivial = await load({ url: `http://127.0.0.1:${server.port}/api/v1/health`, method: 'GET', connections: 50, duration });
  progress(`[http] hold via the seats.io API, ${duration} s…`);
  const hold = await holdsOn(server, 'bench', duration, [await holdToken(server.port), await holdToken(server.port)]);
  progress(`[http] hold via the buyer API, a new buyer each, ${duration} s…`);
  const buyers = await load({
    url: `http://127.0.0.1:${server.port}/api/v1/events/buyers/seats/hold`,
    method: 'POST',
    connections: 50,
    duration,
    holdLabels: server.labels,
  });
  progress(`[http] hold via the seats.io API, DURABILITY=process-crash, ${duration} s…`);
  const relaxedServer = await startProductionServer(seats, 'process-crash');
  const relaxed = await holdsOn(relaxedServer, 'bench', duration, [await holdToken(relaxedServer.port), await holdToken(relaxedServer.port)]).finally(
    relaxedServer.close,
  );
  progress(`[http] hold via the seats.io API on the API-only server, ${duration} s…`);
  const apiOnlyServer = await startAppServer(seats);
  const apiOnly = await holdsOn(apiOnlyServer, 'bench', duration, [await holdToken(apiOnlyServer.port), await holdToken(apiOnlyServer.port)]).finally(() =>
    stop(apiOnlyServer.child),
  );
  const vsRaw = (name: string, holds: LoadResult, note: string): Measurement => ({
    ...throughput(
      '2 http',
      name,
      holds.requestsPerSecond,
      'req/s',
      { name: 'raw node:http + SQLite hold', value: raw.hold.requestsPerSecond },
      { min: 0.5, text: '≥ 0.5× raw' },
    ),
    note: `p50 ${holds.p50} ms, p99 ${holds.p99} ms; ${note}`,
  });
  return [
    {
      ...throughput(
        '2 http',
        'trivial route (GET /api/v1/health)',
        trivial.requestsPerSecond,
        'req/s',
        { name: 'bare node:http trivial route', value: raw.trivial.requestsPerSecond },
        { min: 0.9, text: '≥ 0.9× bare' },
      ),
      note: `p99 ${trivial.p99} ms, bare ${raw.trivial.p99} ms`,
    },
    vsRaw(
      'hold via seats.io API vs raw hold',
      hold,
      `${conflictShare(hold, '400')}; raw p99 ${raw.hold.p99} ms (synchronous=NORMAL); Tessera synced to disk before each answer (DURABILITY=power-loss)`,
    ),
    vsRaw(
      'hold via buyer API vs raw hold',
      buyers,
      `${conflictShare(buyers, '409')}; each hold a new buyer's first click (new token, limits checked), synced to disk`,
    ),
    vsRaw('hold via seats.io API, DURABILITY=process-crash, vs raw', relaxed, `${conflictShare(relaxed, '400')}; both at synchronous=NORMAL`),
    {
      ...throughput('2 http', 'hold via seats.io API: production server vs API-only', hold.requestsPerSecond, 'req/s', {
        name: 'API-only server (no Next)',
        value: apiOnly.requestsPerSecond,
      }),
      note: `API-only p50 ${apiOnly.p50} ms, p99 ${apiOnly.p99} ms: what the pages cost requests they do not serve`,
    },
    // autocannon reports whole milliseconds, so a ratio to the trivial handler's (often 0 ms) p50 says nothing.
    {
      ...time('2 http', 'hold latency p50 / p99', hold.p50, 'ms'),
      note: `p99 ${hold.p99} ms (target ≤ 15 ms); trivial route p50 ${trivial.p50} ms, p99 ${trivial.p99} ms`,
    },
  ];
}

export async function contentionBench(server: AppServer): Promise<Measurement[]> {
  progress('[contention] 1,000 concurrent holds of one seat…');
  const label = server.labels[0]!;
  const statuses = await Promise.all(
    Array.from({ length: 1000 }, () =>
      fetch(`http://127.0.0.1:${server.port}/api/v1/events/contention/seats/hold`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ objectLabels: [label] }),
      }).then((r) => r.status),
    ),
  );
  const db = new Database(server.dbFile, { readonly: true });
  try {
    const witness = db
      .prepare(
        "select count(*) as n from status_changes s join events e on e.id = s.event_id where e.key = 'contention' and s.label = ? and s.status = 'reservedByToken'",
      )
      .get(label) as { n: number };
    const successes = statuses.filter((s) => s === 200).length;
    const others = statuses.filter((s) => s !== 200 && s !== 409).length;
    if (successes !== 1 || witness.n !== 1 || others) throw new Error(`contention: ${successes} successes, ${witness.n} logged holds, ${others} other answers`);
    return [
      {
        section: '3 contention',
        name: '1,000 concurrent holds of one seat',
        value: successes,
        unit: 'success',
        note: `witness: ${witness.n} hold in the log, 999 × 409`,
      },
    ];
  } finally {
    db.close();
  }
}

/**
 * Holds with one webhook subscription (every hold a message, sent to a receiver on loopback) against the same holds
 * without one, each on a fresh event of the same venue, one after the other.
 */
export async function webhookBench(server: AppServer, quick: boolean): Promise<Measurement[]> {
  const duration = quick ? 2 : 10;
  const base = `http://127.0.0.1:${server.port}`;
  const tokens = [await holdToken(server.port), await holdToken(server.port)];
  let received = 0;
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => (received++, res.writeHead(204).end()));
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const holds = (event: string) => holdsOn(server, event, duration, tokens);
  try {
    progress(`[http] holds without a webhook subscription, ${duration} s…`);
    const without = await holds('hooks-off');
    const created = await fetch(`${base}/api/v1/webhooks`, {
      method: 'POST',
      headers: { ...benchAuth, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/`, events: ['*'] }),
    });
    const { id } = (await created.json()) as { id: string };
    progress(`[http] holds with one webhook subscription, ${duration} s…`);
    const withHooks = await holds('hooks-on');
    // Give the dispatcher a moment to catch up before counting what arrived.
    await new Promise((r) => setTimeout(r, 2000));
    await fetch(`${base}/api/v1/webhooks/${id}`, { method: 'DELETE', headers: benchAuth });
    const accepted = withHooks.statusCodes['200']?.count ?? 0;
    return [
      {
        ...throughput(
          '2 http',
          'hold with 1 webhook subscription',
          withHooks.requestsPerSecond,
          'req/s',
          { name: 'without', value: without.requestsPerSecond },
          { min: 0.8, text: '≥ 0.8× without' },
        ),
        note: `p99 ${withHooks.p99} / ${without.p99} ms; ${accepted} holds made, ${received} webhooks received within 2 s of the end`,
      },
    ];
  } finally {
    await new Promise<void>((r) => receiver.close(() => r()));
  }
}
