import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client';

/* Upgrading keeps what is stored: a database made by an earlier version opens, migrated, with nothing lost. */

const migrations = fileURLToPath(new URL('./migrations', import.meta.url));
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database file migrated up to (and including) migration `last`, as that version of Tessera left it. */
function databaseAt(last: string): string {
  dir = mkdtempSync(join(tmpdir(), 'tessera-migrations-'));
  const folder = join(dir, 'migrations');
  cpSync(migrations, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === last) + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  const file = join(dir, 'old.db');
  const sqlite = new Database(file);
  migrate(drizzle(sqlite), { migrationsFolder: folder });
  sqlite.close();
  return file;
}

describe('migration 0003 (extra data stored once)', () => {
  it('moves the extra data of objects and the log into one row per distinct value of each event', () => {
    const file = databaseAt('0002_sales_settings');
    const old = new Database(file);
    old.exec(`
      insert into workspaces (id, key, secret_key, name) values (1, 'w', 's', 'W');
      insert into charts (id, workspace_id, key, name, definition) values (1, 1, 'c', 'C', '{}');
      insert into events (id, workspace_id, chart_id, key) values (1, 1, 1, 'e');
      insert into event_objects (event_id, label, status, extra_data) values (1, 'A-1', 'booked', '{"buyer":"Ada"}'), (1, 'A-2', 'booked', '{"buyer":"Ada"}'), (1, 'A-3', 'free', null);
      insert into status_changes (event_id, seq, label, status, extra_data, origin, created_at)
        values (1, 1, 'A-1', 'booked', '{"buyer":"Ada"}', 'API_CALL', 0), (1, 2, 'A-9', 'booked', '{"buyer":"Bo"}', 'API_CALL', 0);
    `);
    old.close();

    const db = openDatabase(`file:${file}`);
    const sqlite = db.$client;
    expect(sqlite.prepare('select event_id as eventId, json from extra_data order by json').all()).toEqual([
      { eventId: 1, json: '{"buyer":"Ada"}' },
      { eventId: 1, json: '{"buyer":"Bo"}' },
    ]);
    const objects = sqlite.prepare('select o.label, x.json from event_objects o left join extra_data x on x.id = o.extra_data_id order by o.label').all();
    expect(objects).toEqual([
      { label: 'A-1', json: '{"buyer":"Ada"}' },
      { label: 'A-2', json: '{"buyer":"Ada"}' },
      { label: 'A-3', json: null },
    ]);
    const log = sqlite.prepare('select s.label, x.json from status_changes s join extra_data x on x.id = s.extra_data_id order by s.seq').all();
    expect(log).toEqual([
      { label: 'A-1', json: '{"buyer":"Ada"}' },
      { label: 'A-9', json: '{"buyer":"Bo"}' },
    ]);
    sqlite.close();
  });
});

describe('durability', () => {
  it('syncs every commit to disk by default, and leaves that to the system when told a process crash is enough', () => {
    dir = mkdtempSync(join(tmpdir(), 'tessera-durability-'));
    const synchronous = (durability?: 'power-loss' | 'process-crash') => {
      const db = openDatabase(`file:${join(dir, `${durability ?? 'default'}.db`)}`, durability);
      try {
        return db.$client.pragma('synchronous', { simple: true });
      } finally {
        db.$client.close();
      }
    };
    // SQLite's codes: 2 is FULL, 1 NORMAL.
    expect([synchronous(), synchronous('power-loss'), synchronous('process-crash')]).toEqual([2, 2, 1]);
  });
});
