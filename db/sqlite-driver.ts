import type { Db } from './client';
import { isFailure, runSteps, type ReadsMany, type ReadsOne, type Step, type Steps, type SyncDriver, type Writes } from './steps';

/** A query as better-sqlite3's Drizzle builds it: the only kind this driver is given. */
type Sqlite<Q> = Exclude<Q, { execute: unknown }>;

/**
 * Runs the booking layer's steps on SQLite: each answered at once, a transaction as better-sqlite3's synchronous
 * `BEGIN IMMEDIATE` one (a savepoint inside another), so nothing else runs while one is open.
 */
export function sqliteDriver(db: Db): SyncDriver {
  // better-sqlite3 builds a wrapper per transaction function: build one, once, that runs whatever it is given.
  const immediate = db.$client.transaction((body: () => Steps<unknown>) => {
    const result = runSteps(body(), driver);
    if (isFailure(result)) throw new Rollback(result);
    return result;
  }).immediate;
  const driver = (step: Step): unknown => {
    switch (step.op) {
      case 'one':
        return (step.query as Sqlite<ReadsOne<unknown>>).get(step.params);
      case 'many':
        return (step.query as Sqlite<ReadsMany<unknown>>).all(step.params);
      case 'exec':
        return { changes: Number((step.query as Sqlite<Writes>).run(step.params).changes) };
      case 'transaction':
        try {
          return immediate(step.body);
        } catch (cause) {
          if (cause instanceof Rollback) return cause.result;
          throw cause;
        }
    }
  };
  return driver;
}

/** Carries a failure result out of a transaction, which better-sqlite3 rolls back on any throw. Not an Error: no stack to capture. */
class Rollback {
  constructor(readonly result: unknown) {}
}
