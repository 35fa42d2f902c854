import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPagesIfStale } from '../scripts/build-pages.mjs';
import { venueWithSeats } from '../server/charts/generate-venue';
import { importSeatsioChart } from '../server/charts/import-seatsio-chart';
import { forkProcess, stop } from './child';

/** The servers the benchmark measures, started on fresh databases, and how to talk to them. */

export type AppServer = { child: ChildProcess; port: number; dbFile: string; labels: string[] };

/** Events of the benchmark venue: holds, contention, webhooks off and on, buyers' holds. */
const BENCH_EVENTS = ['bench', 'contention', 'fanout', 'hooks-off', 'hooks-on', 'buyers'];

/**
 * A benchmarked server's environment: limits raised for the load generator, which is one client; loopback's
 * X-Forwarded-For believed, as a server behind a load balancer does, so that each buyer of the buyer-API measure is a
 * client of its own; webhooks allowed to the receiver on loopback.
 */
export const LOAD_ENV = {
  HOLD_RATE_LIMIT_PER_MINUTE: '1000000000',
  HOLD_RATE_LIMIT_BURST: '1000000000',
  HOLD_PLACES_PER_CLIENT: '1000000',
  TRUST_PROXY: '127.0.0.1',
  WEBHOOK_ALLOW_PRIVATE: 'true',
};

/** The server as users run it (`npm start`: built pages, production mode) with a generated venue of `seats` seats. */
export async function startProductionServer(
  seats: number,
  durability: 'power-loss' | 'process-crash' = 'power-loss',
): Promise<AppServer & { close: () => Promise<void> }> {
  const server = await startPageServer({ DURABILITY: durability, ...LOAD_ENV });
  const labels = await importVenue(
    server.base,
    seats,
    'bench',
    BENCH_EVENTS.map((eventKey) => ({ eventKey })),
  );
  return { child: server.child, port: Number(new URL(server.base).port), dbFile: join(server.dir, 'pages.db'), labels, close: () => stopPageServer(server) };
}

/** Imports a generated venue of `seats` seats through the API as chart `key`, with `events`; returns its seats' labels. */
export async function importVenue(base: string, seats: number, key: string, events: Record<string, unknown>[]): Promise<string[]> {
  const venue = venueWithSeats(seats);
  await api(base, '/charts', { ...venue, key });
  await api(base, '/events/actions/create-multiple', { chartKey: key, events });
  const imported = importSeatsioChart(venue);
  if (!imported.ok) throw new Error('bench venue invalid');
  return imported.chart.objects.filter((o) => o.type === 'seat').map((o) => o.label);
}

/** The benchmark server's secret key. */
export const BENCH_SECRET_KEY = 'bench-secret-key-0000';
export const benchAuth = { authorization: `Basic ${Buffer.from(`${BENCH_SECRET_KEY}:`).toString('base64')}` };

/** The API-only server (no pages); `env`: BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_JOIN (processes/app-server.ts). */
export async function startAppServer(
  seats: number,
  durability: 'power-loss' | 'process-crash' = 'power-loss',
  env: Record<string, string> = {},
): Promise<AppServer> {
  const { child, first } = forkProcess<{ port: number; dbFile: string; labels: string[] }>(
    'app-server',
    [],
    { BENCH_SEATS: String(seats), BENCH_DURABILITY: durability, ...env },
    ['--expose-gc'],
  );
  const ready = await first;
  return { child, ...ready };
}

/** A hold token that outlives any run. */
export async function holdToken(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/hold-tokens`, { method: 'POST', headers: benchAuth, body: JSON.stringify({ expiresInMinutes: 120 }) });
  return ((await res.json()) as { holdToken: string }).holdToken;
}

const root = fileURLToPath(new URL('..', import.meta.url));
export type PageServer = { child: ChildProcess; base: string; dir: string };

/** The organisers' password of the bench's page server. */
export const BENCH_ADMIN_PASSWORD = 'bench-admin-password';

/** The server as `npm start` runs it (built pages, production mode) on a fresh database, with `env` besides. */
export async function startPageServer(env: Record<string, string> = {}): Promise<PageServer> {
  buildPagesIfStale();
  const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-pages-'));
  // BENCH_CPU_PROF=dir: the server writes a CPU profile there when it stops (the profiles in BENCHMARKS.md).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${join(dir, 'pages.db')}`,
      TESSERA_SECRET_KEY: BENCH_SECRET_KEY,
      ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at http:\/\/localhost:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the page server exited with ${code}`)));
  });
  return { child, base: `http://127.0.0.1:${port}`, dir };
}

async function api(base: string, path: string, json: unknown): Promise<void> {
  const res = await fetch(`${base}/api${path}`, { method: 'POST', headers: { ...benchAuth, 'content-type': 'application/json' }, body: JSON.stringify(json) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

export async function stopPageServer(server: PageServer): Promise<void> {
  server.child.kill('SIGTERM');
  await stop(server.child);
  rmSync(server.dir, { recursive: true, force: true });
}
