import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** `file:./data/tessera.db`, a plain path, or `:memory:` → a file path better-sqlite3 understands. */
function sqlitePath(databaseUrl: string): string {
  if (databaseUrl === ':memory:' || databaseUrl === 'file::memory:') return ':memory:';
  return databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length) : databaseUrl;
}

/**
 * What an acknowledged commit survives: `power-loss` (the default) syncs the log to disk before a commit returns
 * (synchronous=FULL); `process-crash` leaves that to the system (synchronous=NORMAL): a killed process loses nothing,
 * a power cut or kernel crash can lose the last commits. Group commit (decision 021) pays one sync per group.
 */
export type Durability = 'power-loss' | 'process-crash';

/** Opens the database and brings its schema up to date. The one way to get a Db. */
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
