import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema';
import { postgres, sqlite, type Dialect } from './dialect';
import { sqliteDriver } from './sqlite-driver';
import { postgresRunner } from './postgres-driver';
import { runSteps, type Steps } from './steps';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const postgresMigrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations-pg');

/** `file:./data/tessera.db`, a plain path, or `:memory:` → a file path better-sqlite3 understands. */
function sqlitePath(databaseUrl: string): string {
  if (databaseUrl === ':memory:' || databaseUrl === 'file::memory:') return ':memory:';
  return databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length) : databaseUrl;
}

/** Whether a database URL names a PostgreSQL server rather than a SQLite file. */
export const isPostgresUrl = (databaseUrl: string) => /^postgres(ql)?:\/\//.test(databaseUrl);

/**
 * What an acknowledged commit survives: `power-loss` (the default) syncs the log to disk before a commit returns
 * (synchronous=FULL); `process-crash` leaves that to the system (synchronous=NORMAL): a killed process loses nothing,
 * a power cut or kernel crash can lose the last commits. Group commit (decision 021) pays one sync per group.
 * PostgreSQL's is its own configuration's (synchronous_commit).
 */
export type Durability = 'power-loss' | 'process-crash';

/**
 * An open database as the booking layer uses it: Drizzle over it (typed as SQLite's, db/dialect.ts), its dialect's
 * differences, and how it runs the layer's steps (db/steps.ts): SQLite's at once, PostgreSQL's with a promise.
 */
export type Connection =
  | { sync: true; db: Db; dialect: Dialect; run: <T>(steps: Steps<T>) => T; close: () => void }
  | {
      sync: false;
      db: Db;
      dialect: Dialect;
      run: <T>(steps: Steps<T>) => Promise<T>;
      /** Runs `fn` once the transaction under way has committed (at once outside one); never when it rolls back. */
      afterCommit: (fn: () => void) => void;
      close: () => Promise<void>;
    };

/** Opens the SQLite database and brings its schema up to date. The one way to get a Db. */
export function openDatabase(databaseUrl: string, durability: Durability = 'power-loss'): Db {
  const path = sqlitePath(databaseUrl);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  // WAL: readers never block the writer.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(durability === 'power-loss' ? 'synchronous = FULL' : 'synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder });
  return db;
}

/** The SQLite database, as the booking layer uses it. */
export function connectSqlite(databaseUrl: string, durability?: Durability): Connection & { sync: true } {
  const db = openDatabase(databaseUrl, durability);
  const driver = sqliteDriver(db);
  return { sync: true, db, dialect: sqlite, run: (steps) => runSteps(steps, driver), close: () => db.$client.close() };
}

/** Any number of instances may start at once: one migrates while the others wait for it (a lock of this number). */
const MIGRATION_LOCK = 7_355_001;

/** Connections each instance keeps to PostgreSQL: a transaction holds one while it runs. */
const POOL_SIZE = 20;

/** The URL as it may be shown: without its password. */
function withoutPassword(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = '***';
  return url.href;
}

/** Connects to PostgreSQL and brings its schema up to date, as the booking layer uses it. */
export async function connectPostgres(databaseUrl: string): Promise<Connection & { sync: false }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE });
  // An idle connection that breaks (PostgreSQL restarted, the network dropped it) is replaced when next needed; its
  // error must not end the process.
  pool.on('error', (cause) => console.error('PostgreSQL connection lost:', cause.message));
  const migrating = await pool.connect().catch(async (cause: Error) => {
    await pool.end();
    throw new Error(`Cannot connect to PostgreSQL at ${withoutPassword(databaseUrl)} (DATABASE_URL): ${cause.message}`, { cause });
  });
  try {
    await migrating.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePostgres(drizzlePostgres({ client: migrating }), { migrationsFolder: postgresMigrationsFolder });
  } finally {
    await migrating.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    migrating.release();
  }
  const runner = postgresRunner(pool);
  return { sync: false, db: runner.db as unknown as Db, dialect: postgres, run: runner.run, afterCommit: runner.afterCommit, close: () => pool.end() };
}
