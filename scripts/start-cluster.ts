/**
 * `npm run start:cluster [-- N]`: N instances of the server as `npm start` runs it (2 by default), on the ports after
 * PORT, sharing one PostgreSQL database (DATABASE_URL; `tessera` on 127.0.0.1:5432 by default, created when missing)
 * and broadcasting through Redis (REDIS_URL, 127.0.0.1:6379 by default), behind a load balancer on PORT
 * (server/cluster/balancer.ts): to try on one machine what a scale-out looks like. The first instance migrates and
 * seeds alone; the others start once it listens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { isPostgresUrl } from '../server/booking/booking';
import { createBalancer } from '../server/cluster/balancer';
import { buildPagesIfStale } from './build-pages.mjs';

const root = new URL('..', import.meta.url).pathname;
const size = Number(process.argv[2] ?? 2);
if (!Number.isInteger(size) || size < 1 || size > 16) throw new Error(`instances: 1 to 16, not ${process.argv[2]}`);
const port = Number(process.env.PORT ?? 3000);
const env = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tessera',
  REDIS_URL: 'redis://127.0.0.1:6379',
  ...process.env,
  NODE_ENV: 'production' as const,
  NEXT_TELEMETRY_DISABLED: '1',
};

/** Creates the PostgreSQL database DATABASE_URL names unless it exists, through the server's `postgres` database. */
async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.href });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      await admin.query(`create database ${admin.escapeIdentifier(name)}`);
      console.log(`Created the PostgreSQL database ${name}`);
    }
  } finally {
    await admin.end();
  }
}

if (isPostgresUrl(env.DATABASE_URL)) await ensureDatabase(env.DATABASE_URL);
buildPagesIfStale(env);

const children: ChildProcess[] = [];

/** Starts instance `n` on PORT + n; resolves once it listens. Its output goes to ours, each line marked. */
function startInstance(n: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    // Only the balancer talks to it: on loopback, believing the balancer's X-Forwarded-For.
    env: { ...env, PORT: String(port + n), HOST: '127.0.0.1', TRUST_PROXY: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk.toString().replace(/^/gm, `[instance ${n}] `));
      if (chunk.toString().includes('running at')) resolve(`http://127.0.0.1:${port + n}`);
    });
    child.once('exit', (code) => reject(new Error(`instance ${n} exited with ${code}`)));
  });
}

const stopAll = (code: number) => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(0));

try {
  const targets = [await startInstance(1)];
  targets.push(...(await Promise.all(Array.from({ length: size - 1 }, (_, i) => startInstance(i + 2)))));
  createBalancer(targets).listen(port, process.env.HOST ?? '0.0.0.0', () => {
    console.log(
      `\nTessera cluster: ${size} instances behind http://localhost:${port} (sticky for /socket.io/), on ${new URL(env.DATABASE_URL).pathname.slice(1)}, broadcasting through ${env.REDIS_URL}`,
    );
  });
} catch (cause) {
  console.error(cause);
  stopAll(1);
}
