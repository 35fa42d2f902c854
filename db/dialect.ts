import { sql, type Column, type SQL, type Table } from 'drizzle-orm';
import * as sqliteTables from './schema';
import * as postgresTables from './schema-pg';

/*
 * What differs between the databases in the booking layer's queries, and nothing else (decision 030). The layer
 * builds every query with Drizzle from `tables`, typed as SQLite's: PostgreSQL's twin (db/schema-pg.ts) has the
 * same tables and columns holding the same JavaScript values (db/schema-dialects.test.ts), so the same builder calls
 * make the same query in either dialect, and the booking suites run on both. A few pieces of raw SQL do not: they
 * are here.
 */

export type Tables = typeof sqliteTables;

export type Dialect = {
  tables: Tables;
  /** `column LIKE pattern`, `\` escaping `%`, `_` and itself, ASCII letters matching in either case (as SQLite's does). */
  like(column: Column, pattern: string): SQL;
  /** The column, as a term the planner cannot answer from an index: SQLite's unary plus (PostgreSQL's planner needs no hint). */
  unindexed(column: Column): SQL;
  /** A query prepared once: PostgreSQL's prepared statements are named (prepared on each connection as it first runs one). */
  prepare<P>(query: { prepare(name?: string): P }, name: string): P;
  /**
   * A select that locks the rows it finds (of `table`) until the transaction ends, and skips rows another transaction
   * has locked: several instances share out due work this way, each row to one (FOR UPDATE SKIP LOCKED). SQLite's
   * transactions run one at a time: there is nothing to skip.
   */
  skipLocked<Q>(query: Q, table: Table): Q;
};

export const sqlite: Dialect = {
  tables: sqliteTables,
  like: (column, pattern) => sql`${column} like ${pattern} escape '\\'`,
  unindexed: (column) => sql`+${column}`,
  prepare: (query) => query.prepare(),
  skipLocked: (query) => query,
};

export const postgres: Dialect = {
  // The same tables in PostgreSQL's column types; see above.
  tables: postgresTables as unknown as Tables,
  like: (column, pattern) => sql`${column} ilike ${pattern} escape '\\'`,
  unindexed: (column) => sql`${column}`,
  prepare: (query, name) => query.prepare(name),
  skipLocked: (query, table) => (query as unknown as PostgresSelect<typeof query>).for('update', { of: table, skipLocked: true }),
};

/** What PostgreSQL's select builder has and SQLite's has not. */
type PostgresSelect<Q> = { for(strength: 'update', config: { of: Table; skipLocked: true }): Q };
