import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import type { ChildProcess } from 'node:child_process';
import { forkProcess, stop } from './child';
import { progress, throughput, time, type Measurement } from './report';

/*
 * 2. HTTP: holds per second through the real API on the real server, load from autocannon in its own process,
 * against a trivial handler of the same server (GET /api/v1/health) in the same run.
 * 3. Contention: 1,000 concurrent holds of one seat: exactly one may succeed; checked in the database.
 */

export type AppServer = { child: ChildProcess; port: number; dbFile: string; labels: string[] };

/** The benchmark server's secret key. */
export const BENCH_SECRET_KEY = 'bench-secret-key-0000';
export const benchAuth = { authorization: `Basic ${Buffer.from(`${BENCH_SECRET_KEY}:`).toString('base64')}` };

export async function startAppServer(seats: number, durability: 'power-loss' | 'process-crash' = 'power-loss'): Promise<AppServer> {
  const { child, first } = forkProcess<{ port: number; dbFile: string; labels: string[] }>(
    'app-server',
    [],
    { BENCH_SEATS: String(seats), BENCH_DURABILITY: durability },
    ['--expose-gc'],
  );
  const ready = await first;
  return { child, ...ready };
}

type LoadResult = {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  total: number;
  statusCodes: Record<string, { count: number }>;
};

function load(config: object): Promise<LoadResult> {
  const { child, first } = forkProcess<LoadResult>('autocannon');
  child.send(config);
  return first;
}

/** A hold token that outlives any run. */
export async function holdToken(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/hold-tokens`, { method: 'POST', headers: benchAuth, body: JSON.stringify({ expiresInMinutes: 120 }) });
  return ((await res.json()) as { holdToken: string }).holdToken;
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

/** The same holds (same body, half conflicting) on a bare node:http + better-sqlite3 server: the machine's limit. */
async function rawHolds(duration: number): Promise<LoadResult> {
  const { child, first } = forkProcess<{ port: number; labels: string[] }>('raw-hold-server', [], { BENCH_SEATS: '100000' });
  const raw = await first;
  try {
    return await load({
      url: `http://127.0.0.1:${raw.port}/hold`,
      method: 'POST',
      connections: 50,
      duration,
      holdLabels: raw.labels,
      holdTokens: ['raw-token-1', 'raw-token-2'],
    });
  } finally {
    await stop(child);
  }
}

export async function httpBench(server: AppServer, quick: boolean): Promise<Measurement[]> {
  const duration = quick ? 2 : 10;
  const base = `http://127.0.0.1:${server.port}`;
  const tokens = [await holdToken(server.port), await holdToken(server.port)];
  progress(`[http] trivial handler, ${duration} s, 50 connections…`);
  const trivial = await load({ url: `${base}/api/v1/health`, method: 'GET', connections: 50, duration });
  progress(`[http] raw node:http hold, ${duration} s, 50 connections…`);
  const raw = await rawHolds(duration);
  progress(`[http] hold, ${duration} s, 50 connections…`);
  const hold = await holdsOn(server, 'bench', duration, tokens);
  const codes = Object.fromEntries(Object.entries(hold.statusCodes).map(([code, s]) => [code, s.count]));
  if (hold.errors || Object.keys(codes).some((c) => c !== '200' && c !== '400'))
    throw new Error(`unexpected answers to holds: ${JSON.stringify(codes)}, ${hold.errors} errors`);
  const conflicts = `${Math.round(((codes['400'] ?? 0) / hold.total) * 100)}% conflicts`;
  // The same holds on a server that does not sync each commit to disk (DURABILITY=process-crash), as the raw one.
  progress(`[http] hold, DURABILITY=process-crash, ${duration} s, 50 connections…`);
  const relaxedServer = await startAppServer(server.labels.length, 'process-crash');
  const relaxed = await holdsOn(relaxedServer, 'bench', duration, [await holdToken(relaxedServer.port), await holdToken(relaxedServer.port)]).finally(() =>
    stop(relaxedServer.child),
  );
  const vsRaw = (name: string, holds: LoadResult, note: string): Measurement => ({
    ...throughput(
      '2 http',
      name,
      holds.requestsPerSecond,
      'req/s',
      { name: 'raw node:http + SQLite hold', value: raw.requestsPerSecond },
      { min: 0.5, text: '≥ 0.5× raw' },
    ),
    note,
  });
  return [
    {
      ...throughput(
        '2 http',
        'hold via API (50 conns)',
        hold.requestsPerSecond,
        'req/s',
        { name: 'trivial handler', value: trivial.requestsPerSecond },
        { min: 0.75, text: '≥ 0.75× trivial' },
      ),
      note: conflicts,
    },
    vsRaw(
      'hold via API vs raw node:http hold',
      hold,
      `raw p99 ${raw.p99} ms (synchronous=NORMAL); same body, half conflicting; Tessera synced to disk before each answer (DURABILITY=power-loss)`,
    ),
    vsRaw('hold via API, DURABILITY=process-crash, vs raw', relaxed, `p50 ${relaxed.p50} ms, p99 ${relaxed.p99} ms; both at synchronous=NORMAL`),
    // autocannon reports whole milliseconds, so a ratio to the trivial handler's (often 0 ms) p50 says nothing.
    { ...time('2 http', 'hold latency p50 / p99', hold.p50, 'ms'), note: `p99 ${hold.p99} ms; trivial handler p50 ${trivial.p50} ms, p99 ${trivial.p99} ms` },
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
