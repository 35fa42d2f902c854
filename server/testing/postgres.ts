import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { serviceReachable } from './reachable';

/** The PostgreSQL the scale-out tests use: TEST_POSTGRES_URL, or the one on these machines (CI starts it). */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether PostgreSQL answers at TEST_POSTGRES_URL; when not, says that the tests needing it are skipped, and why. */
export const postgresReachable = (what: string) => serviceReachable('PostgreSQL', TEST_POSTGRES_URL, 5432, what);

/**
 * An empty database of its own on the test server, so that tests run beside each other: its pool, and `drop` to
 * close the pool and remove the database.
 */
export async function freshPostgresDatabase(): Promise<{ pool: pg.Pool; drop: () => Promise<void> }> {
  const name = `tessera_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.href, max: 20 });
  return {
    pool,
    drop: async () => {
      await pool.end();
      await admin.query(`drop database ${name}`);
      await admin.end();
    },
  };
}
