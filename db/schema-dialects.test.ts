import { getTableName, is } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { getTableConfig as pgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freshPostgresDatabase, postgresReachable } from '../server/testing/databases';
import * as sqliteSchema from './schema';
import * as pgSchema from './schema-pg';

/*
 * The booking layer's queries are written once, against SQLite's schema; PostgreSQL's must have the same tables,
 * columns (holding the same JavaScript values), keys and indexes, or a query would answer differently there.
 */

type Config = ReturnType<typeof sqliteTableConfig> | ReturnType<typeof pgTableConfig>;

/** A table as the queries see it: what each column holds in JavaScript, its keys, references and indexes. */
function shape(config: Config) {
  return {
    columns: Object.fromEntries(
      config.columns.map((c) => [c.name, { holds: c.dataType, notNull: c.notNull, primary: c.primary, unique: c.isUnique, hasDefault: c.hasDefault }]),
    ),
    primaryKeys: config.primaryKeys.map((k) => k.columns.map((c) => c.name)),
    foreignKeys: config.foreignKeys
      .map((k) => {
        const r = k.reference();
        return { columns: r.columns.map((c) => c.name), table: getTableName(r.foreignTable), onDelete: k.onDelete ?? 'no action' };
      })
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
    indexes: config.indexes
      .map((i) => ({ name: i.config.name, unique: i.config.unique ?? false, columns: i.config.columns.map((c) => (c as { name: string }).name) }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
  };
}

const sqliteTables = (Object.values(sqliteSchema) as unknown[]).filter((v): v is SQLiteTable => is(v, SQLiteTable));
const pgTables = (Object.values(pgSchema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));

describe('the PostgreSQL schema', () => {
  it('has every table of the SQLite schema, with the same columns, keys and indexes', () => {
    const sqlite = Object.fromEntries(sqliteTables.map((t) => [getTableName(t), shape(sqliteTableConfig(t))]));
    const postgres = Object.fromEntries(pgTables.map((t) => [getTableName(t), shape(pgTableConfig(t))]));
    expect(Object.keys(postgres).sort()).toEqual(Object.keys(sqlite).sort());
    for (const name of Object.keys(sqlite)) expect({ table: name, ...postgres[name] }).toEqual({ table: name, ...sqlite[name] });
  });

  it('is built by its committed migrations on an empty database, and migrating again changes nothing', async (context) => {
    if (!(await postgresReachable('the PostgreSQL migrations test'))) return context.skip();
    const { pool, drop } = await freshPostgresDatabase();
    try {
      const db = drizzle(pool);
      const migrationsFolder = fileURLToPath(new URL('./migrations-pg', import.meta.url));
      const tables = async () =>
        (await pool.query<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = 'public'`)).rows
          .map((r) => r.name)
          .sort();
      await migrate(db, { migrationsFolder });
      const built = await tables();
      expect(built).toEqual(sqliteTables.map((t) => getTableName(t)).sort());
      // Every column as the schema declares it: a schema changed without a new migration fails here.
      const columns = await pool.query<{ name: string }>(
        `select table_name || '.' || column_name || ' ' || data_type || (case when is_nullable = 'NO' then ' not null' else '' end) as name
         from information_schema.columns where table_schema = 'public'`,
      );
      const declared = pgTables.flatMap((t) =>
        pgTableConfig(t).columns.map((c) => `${getTableName(t)}.${c.name} ${c.getSQLType().replace('serial', 'integer')}${c.notNull ? ' not null' : ''}`),
      );
      expect(columns.rows.map((r) => r.name).sort()).toEqual(declared.sort());
      await migrate(db, { migrationsFolder });
      expect(await tables()).toEqual(built);
    } finally {
      await drop();
    }
  });
});
