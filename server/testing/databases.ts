import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl } from '../booking/booking';
import { serviceReachable } from './reachable';

/** The PostgreSQL the scale-out tests use: TEST_POSTGRES_URL, or the one on these machines (CI starts it). */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether PostgreSQL answers at TEST_POSTGRES_URL; when not, says that the tests needing it are skipped, and why. */
export const postgresReachable = (what: string) => serviceReachable('PostgreSQL', TEST_POSTGRES_URL, 5432, what);

/**
 * An empty database of its own on the test server, so that tests run beside each other: its URL, a pool, and `drop`
 * to close the pool and remove the database once every connection to it has closed.
 */
export async function freshPostgresDatabase(): Promise<{ url: string; pool: pg.Pool; drop: () => Promise<void> }> {
  const name = `tessera_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.href, max: 20 });
  return {
    url: url.href,
    pool,
    drop: async () => {
      await pool.end();
      // A pool's end() settles before its connections have closed: the database cannot be dropped while they are open.
      for (let wait = 0; wait < 100; wait++) {
        const { rows } = await admin.query('select count(*)::int as open from pg_stat_activity where datname = $1', [name]);
        if (rows[0].open === 0) break;
        await sleep(20);
      }
      await admin.query(`drop database ${name}`);
      await admin.end();
    },
  };
}

export type TestDatabase = 'sqlite' | 'postgres';

/**
 * The databases a suite runs on: SQLite, and PostgreSQL when it is reachable (CI starts it); when it is not, says
 * that `what` is skipped on PostgreSQL, and why.
 */
export async function testDatabases(what: string): Promise<TestDatabase[]> {
  return (await postgresReachable(`${what} on PostgreSQL`)) ? ['sqlite', 'postgres'] : ['sqlite'];
}

/**
 * An empty database of the kind for tests, of their own: its URL, and `drop` to remove it. SQLite's is a file in a
 * temporary directory.
 */
export async function testDatabase(kind: TestDatabase): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === 'postgres') return freshPostgresDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'tessera-test-'));
  return { url: `file:${join(dir, 'tessera.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A connection of its own to a test database, reading what was committed with plain SQL, independent of the code
 * under test: the witness. `sqlite` is SQLite's connection itself, for the queries only SQLite understands.
 */
export function openWitness(databaseUrl: string): { query: <Row>(sql: string) => Promise<Row[]>; sqlite?: Database.Database; close: () => Promise<void> } {
  if (isPostgresUrl(databaseUrl)) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    return { query: async <Row>(sql: string) => (await pool.query(sql)).rows as Row[], close: () => pool.end() };
  }
  const sqlite = new Database(databaseUrl.slice('file:'.length), { readonly: true });
  return { query: async <Row>(sql: string) => sqlite.prepare(sql).all() as Row[], sqlite, close: async () => void sqlite.close() };
}
