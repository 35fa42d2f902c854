import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { isFailure, runStepsAsync, type Params, type Step, type Steps } from './steps';

/*
 * Runs the booking layer's steps on PostgreSQL. A transaction takes a connection of its own from the pool and runs
 * SERIALIZABLE: the same reads and writes as on SQLite (read the rows, plan in memory, write) then cannot interleave
 * with another transaction's into anything two one-at-a-time transactions could not have done — two buyers reading
 * the same free seat make one of them fail with a serialisation failure, and that transaction is run again from its
 * start. Transactions that name a lock in common (a change's events: every change bumps its event's seq) wait for
 * each other instead, on advisory locks taken before they begin (decision 030).
 */

/** A transaction that fails to serialise (or deadlocks) is run again, from its start, at most this many times. */
const TRANSACTION_RETRIES = 10;

/** serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(['40001', '40P01']);

/** node-postgres's answer to a write. */
type Answered = { rowCount: number | null };

/** A query or prepared statement as node-postgres's Drizzle builds it: each runs with `execute`. */
type Executable = { execute(params?: Params): Promise<unknown> };

/** PostgreSQL's error code, on node-postgres's error or on the one Drizzle wraps it in. */
function sqlState(error: unknown): string | undefined {
  for (let e = error; e instanceof Error; e = e.cause) if ('code' in e && typeof e.code === 'string') return e.code;
  return undefined;
}

export type PostgresRunner = {
  /** Drizzle over the pool, whose queries run on the transaction's connection inside a transaction step. */
  db: NodePgDatabase;
  run<T>(steps: Steps<T>): Promise<T>;
  /** Runs `fn` once the transaction under way has committed (at once outside one); never for a rolled-back one. */
  afterCommit(fn: () => void): void;
};

/** The transaction whose steps are running: its connection, its savepoints, what waits for its commit. */
type Current = { client: pg.PoolClient; savepoints: number; committed: (() => void)[] };

export function postgresRunner(pool: pg.Pool): PostgresRunner {
  // The connection of the transaction whose steps are running (async continuations keep it), else none: the pool.
  const inTransaction = new AsyncLocalStorage<Current>();
  const client = { query: (...args: unknown[]) => ((inTransaction.getStore()?.client ?? pool).query as (...a: unknown[]) => unknown)(...args) };
  const db = drizzle({ client: client as unknown as pg.Pool });

  const run = <T>(steps: Steps<T>) => runStepsAsync(steps, driver);

  const driver = async (step: Step): Promise<unknown> => {
    switch (step.op) {
      case 'one':
        return ((await (step.query as Executable).execute(step.params)) as unknown[])[0];
      case 'many':
        return (step.query as Executable).execute(step.params);
      case 'exec':
        return { changes: ((await (step.query as Executable).execute(step.params)) as Answered).rowCount ?? 0 };
      case 'transaction':
        return inTransaction.getStore() ? savepoint(step.body) : transaction(step.body, step.locks);
    }
  };

  /** Inside a transaction: a savepoint, rolled back alone when its body fails or throws. */
  async function savepoint(body: () => Steps<unknown>): Promise<unknown> {
    const current = inTransaction.getStore()!;
    const name = `s${++current.savepoints}`;
    // What the savepoint's steps left for after the commit goes with it when it rolls back.
    const waiting = current.committed.length;
    await current.client.query(`savepoint ${name}`);
    try {
      const result = await run(body());
      if (isFailure(result)) current.committed.length = waiting;
      await current.client.query(isFailure(result) ? `rollback to savepoint ${name}` : `release savepoint ${name}`);
      return result;
    } catch (cause) {
      current.committed.length = waiting;
      await current.client.query(`rollback to savepoint ${name}`);
      throw cause;
    }
  }

  async function transaction(body: () => Steps<unknown>, locks: readonly string[] | undefined): Promise<unknown> {
    // In one order everywhere, so that two transactions never each wait for the other's.
    const names = locks && [...new Set(locks)].sort();
    for (let attempt = 0; ; attempt++) {
      const connection = await pool.connect();
      const current: Current = { client: connection, savepoints: 0, committed: [] };
      let locked = Boolean(names?.length);
      try {
        // Taken before the transaction's snapshot: once it has them, no transaction with a lock in common is under way.
        // Released in the COMMIT's round trip: other transactions wait for them. (Not taken in the BEGIN's: statements
        // sent with it would run in the transaction, whose snapshot would then predate the wait.)
        if (locked) await connection.query(lockSql(connection, names!));
        await connection.query('begin isolation level serializable');
        const result = await inTransaction.run(current, () => run(body()));
        if (isFailure(result)) {
          await connection.query(`rollback${locked ? '; select pg_advisory_unlock_all()' : ''}`);
          locked = false;
          return result;
        }
        await connection.query(`commit${locked ? '; select pg_advisory_unlock_all()' : ''}`);
        locked = false;
        for (const fn of current.committed) fn();
        return result;
      } catch (cause) {
        await connection.query('rollback').catch(() => undefined);
        if (attempt >= TRANSACTION_RETRIES || !RETRYABLE.has(sqlState(cause) ?? '')) throw cause;
      } finally {
        if (locked) await connection.query('select pg_advisory_unlock_all()').catch(() => undefined);
        connection.release();
      }
      // Apart, and a little later each time, so that the transactions that collided do not collide again.
      await sleep(Math.random() * 2 ** Math.min(attempt, 6));
    }
  }

  /** Session advisory locks, one per name (its 64-bit hash), in order: held until unlocked, or until the connection ends. */
  const lockSql = (connection: pg.PoolClient, names: string[]) =>
    names.map((name) => `select pg_advisory_lock(hashtextextended(${connection.escapeLiteral(name)}, 0));`).join(' ');

  const afterCommit = (fn: () => void) => {
    const current = inTransaction.getStore();
    if (current) current.committed.push(fn);
    else fn();
  };

  return { db, run, afterCommit };
}
