import { eq, sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgresDatabase, postgresReachable } from '../server/testing/databases';
import { connectPostgres } from './client';
import { postgresRunner, type PostgresRunner } from './postgres-driver';
import { charts, eventObjects, events, workspaces } from './schema-pg';
import { exec, many, one, transaction, type Steps } from './steps';

/* The booking layer's steps on PostgreSQL: rows, writes, transactions and savepoints, and concurrent transactions. */

const reachable = await postgresReachable('the PostgreSQL driver tests');
let database: { pool: pg.Pool; drop: () => Promise<void> };
let runner: PostgresRunner;
let eventId: number;

beforeAll(async () => {
  if (!reachable) return;
  database = await freshPostgresDatabase();
  runner = postgresRunner(database.pool);
  await migrate(runner.db, { migrationsFolder: fileURLToPath(new URL('./migrations-pg', import.meta.url)) });
  const { db } = runner;
  eventId = await runner.run(
    transaction(function* () {
      const workspace = (yield* one(db.insert(workspaces).values({ key: 'pk', secretKey: 'sk', name: 'W' }).returning()))!;
      const chart = (yield* one(db.insert(charts).values({ workspaceId: workspace.id, key: 'c', name: 'C', definition: '{}' }).returning()))!;
      const event = (yield* one(db.insert(events).values({ workspaceId: workspace.id, chartId: chart.id, key: 'e' }).returning()))!;
      yield* exec(db.insert(eventObjects).values(['A-1', 'A-2', 'A-3'].map((label) => ({ eventId: event.id, label }))));
      return event.id;
    }),
  );
});

afterAll(async () => {
  if (reachable) await database.drop();
});

const statusOf = (label: string) =>
  runner.run(one(runner.db.select({ status: eventObjects.status, holdToken: eventObjects.holdToken }).from(eventObjects).where(eq(eventObjects.label, label))));

/** A hold as the booking layer makes one: read the seat, decide in memory, then write it and the event's seq. */
function* hold(label: string, token: string): Steps<{ ok: boolean; seq?: number }> {
  const { db } = runner;
  const seat = yield* one(db.select({ status: eventObjects.status }).from(eventObjects).where(eq(eventObjects.label, label)));
  if (seat?.status !== 'free') return { ok: false };
  yield* exec(db.update(eventObjects).set({ status: 'reservedByToken', holdToken: token }).where(eq(eventObjects.label, label)));
  const bumped = yield* one(
    db
      .update(events)
      .set({ seq: sql`${events.seq} + 1` })
      .where(eq(events.id, eventId))
      .returning({ seq: events.seq }),
  );
  return { ok: true, seq: bumped?.seq };
}

describe.skipIf(!reachable)('steps on PostgreSQL', () => {
  it('answers a row, all rows and how many rows a write changed', async () => {
    const { db } = runner;
    expect(await runner.run(one(db.select({ label: eventObjects.label }).from(eventObjects).where(eq(eventObjects.label, 'A-2'))))).toEqual({ label: 'A-2' });
    expect((await runner.run(many(db.select().from(eventObjects)))).map((r) => r.label).sort()).toEqual(['A-1', 'A-2', 'A-3']);
    expect(await runner.run(exec(db.update(eventObjects).set({ orderId: null }).where(eq(eventObjects.eventId, eventId))))).toEqual({ changes: 3 });
  });

  it('rolls back a transaction that fails or throws, and a failed savepoint alone', async () => {
    const { db } = runner;
    const mark = (label: string, orderId: string) => exec(db.update(eventObjects).set({ orderId }).where(eq(eventObjects.label, label)));
    const orderOf = async (label: string) =>
      (await runner.run(one(db.select({ orderId: eventObjects.orderId }).from(eventObjects).where(eq(eventObjects.label, label)))))?.orderId;
    await runner.run(
      transaction(function* () {
        yield* mark('A-1', 'kept');
        // A savepoint whose body fails: its write is gone, the transaction's stays.
        const inner = yield* transaction(function* () {
          yield* mark('A-2', 'rolled back');
          return { ok: false };
        });
        expect(inner).toEqual({ ok: false });
        return { ok: true };
      }),
    );
    expect([await orderOf('A-1'), await orderOf('A-2')]).toEqual(['kept', null]);
    expect(
      await runner.run(
        transaction(function* () {
          yield* mark('A-3', 'failed');
          return { ok: false };
        }),
      ),
    ).toEqual({ ok: false });
    await expect(
      runner.run(
        transaction(function* () {
          yield* mark('A-3', 'thrown');
          throw new Error('the operation failed');
        }),
      ),
    ).rejects.toThrow('the operation failed');
    expect(await orderOf('A-3')).toBeNull();
  });

  it('lets one of twelve concurrent read-then-write holds take a free seat, numbering the change once', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => runner.run(transaction(() => hold('A-3', `token-${i}`)))));
    const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(await statusOf('A-3')).toEqual({ status: 'reservedByToken', holdToken: `token-${winners[0]}` });
    // The losers' bumps of the event's seq were rolled back with them: one change, numbered 1.
    expect(results[winners[0]!]!.seq).toBe(1);
    expect(await runner.run(one(runner.db.select({ seq: events.seq }).from(events).where(eq(events.id, eventId))))).toEqual({ seq: 1 });
  });
});

describe('connecting to PostgreSQL', () => {
  it('says which database it could not reach, without its password', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    await expect(connectPostgres('postgres://tessera:hunter2@127.0.0.1:1/tessera')).rejects.toThrow(
      /^Cannot connect to PostgreSQL at postgres:\/\/tessera:\*\*\*@127\.0\.0\.1:1\/tessera \(DATABASE_URL\): .*ECONNREFUSED/,
    );
  });
});
