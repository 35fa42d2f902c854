/*
 * How the booking layer talks to a database: every function that reads or writes is a generator that yields the
 * steps to run (`one`, `many`, `exec`, `transaction`) and is handed each step's answer. A driver per dialect runs
 * them. SQLite's driver (db/sqlite-driver.ts) answers each step at once, so a whole transaction still runs
 * synchronously inside better-sqlite3's — nothing else can run in between, as when the code called the database
 * directly. A driver that answers with promises (a database over the network) is run step by step with `await`.
 * One body of code and one set of rules for every dialect (decision 027).
 *
 * On the hot path, write no generator function expressions (`function* () {…}` inside a function): each one made
 * is a new function with a prototype of its own, and its generators cost about 3 µs each and make every call
 * that touches them megamorphic — a hold lost a fifth of its speed to a handful. Pass an arrow that calls a
 * generator function declared once (`() => seatRow(store, event, label)`) instead.
 */

export type Params = Record<string, unknown>;

/**
 * A Drizzle query or prepared statement: better-sqlite3's answer at once (get, all, run); node-postgres's answer with
 * a promise (execute). The booking layer's are SQLite's; each driver runs its own dialect's.
 */
export type ReadsOne<Row> = { get(params?: Params): Row } | { execute(params?: Params): Promise<Row[]> };
export type ReadsMany<Row> = { all(params?: Params): Row[] } | { execute(params?: Params): Promise<Row[]> };
export type Writes = { run(params?: Params): { changes: number | bigint } } | { execute(params?: Params): Promise<{ rowCount: number | null }> };

/** What a write reports: how many rows it changed. */
export type Changed = { changes: number };

/**
 * What the code asks a dialect's driver to run: a query for one row (or undefined), for all its rows, a write (its
 * answer: how many rows it changed), or `body` in one transaction (a savepoint inside another), which rolls back
 * when it throws or returns a failure (`{ ok: false, … }`): a failed operation writes nothing. A transaction's
 * `locks` name what it changes (events): transactions with a name in common run one after the other, even on
 * several instances — SQLite's all do; PostgreSQL's wait for each other instead of failing to serialise.
 */
export type Step =
  | { readonly op: 'one'; readonly query: ReadsOne<unknown>; readonly params: Params | undefined }
  | { readonly op: 'many'; readonly query: ReadsMany<unknown>; readonly params: Params | undefined }
  | { readonly op: 'exec'; readonly query: Writes; readonly params: Params | undefined }
  | { readonly op: 'transaction'; readonly body: () => Steps<unknown>; readonly locks: readonly string[] | undefined };

/** A computation over the database, ending with a T. */
export type Steps<T> = Generator<Step, T, unknown>;

/**
 * One step, as steps: yields itself once, then ends with its answer. One object is the step, its iterator and the
 * iterator's every result — not a generator, whose frame and results cost more: a hold asks for a dozen steps.
 */
class Ask {
  done = false;
  value: unknown = this;
  private asked = false;
  constructor(
    readonly op: Step['op'],
    readonly query: unknown,
    readonly params: Params | undefined,
    readonly body: (() => Steps<unknown>) | undefined,
    readonly locks: readonly string[] | undefined,
  ) {}
  [Symbol.iterator]() {
    return this;
  }
  next(answer?: unknown): this {
    if (this.asked) {
      this.done = true;
      this.value = answer;
    }
    this.asked = true;
    return this;
  }
  throw(cause: unknown): never {
    throw cause;
  }
  return(value: unknown): this {
    this.done = true;
    this.value = value;
    return this;
  }
}

const ask = <T>(op: Step['op'], query: unknown, params: Params | undefined, body?: () => Steps<unknown>, locks?: readonly string[]) =>
  new Ask(op, query, params, body, locks) as unknown as Steps<T>;

/** The row a query finds, or undefined. */
export const one = <Row>(query: ReadsOne<Row>, params?: Params): Steps<Row> => ask('one', query, params);

/** Every row a query finds. */
export const many = <Row>(query: ReadsMany<Row>, params?: Params): Steps<Row[]> => ask('many', query, params);

/** Runs a write; how many rows it changed. */
export const exec = (query: Writes, params?: Params): Steps<Changed> => ask('exec', query, params);

/** Runs `body` in one transaction, or a savepoint of the one under way; after those with `locks` in common (see Step). */
export const transaction = <T>(body: () => Steps<T>, locks?: readonly string[]): Steps<T> => ask('transaction', undefined, undefined, body, locks);

/** Steps that end at once, with nothing: shared, since they keep no state. */
export const nothing = {
  next: () => ({ done: true, value: undefined }),
  throw: (cause: unknown) => {
    throw cause;
  },
  return: () => ({ done: true, value: undefined }),
  [Symbol.iterator]() {
    return this;
  },
} as unknown as Steps<void>;

/** Steps that end at once with `value`: for a computation that, this time, needs nothing from the database. */
export function* just<T>(value: T): Steps<T> {
  return value;
}

/** Whether an operation's result is steps still to run (a generator), not a value. */
export function isSteps(value: unknown): value is Steps<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as Steps<unknown>).next === 'function' && typeof (value as Steps<unknown>).throw === 'function'
  );
}

/** A dialect's driver whose every answer is there at once. */
export type SyncDriver = (step: Step) => unknown;

/** A dialect's driver that answers over a connection. */
export type AsyncDriver = (step: Step) => Promise<unknown>;

/** Runs steps to their end with a driver that answers at once; an error a step throws is thrown into the steps. */
export function runSteps<T>(steps: Steps<T>, driver: SyncDriver): T {
  let next = steps.next();
  while (!next.done) {
    let answered: unknown;
    try {
      answered = driver(next.value);
    } catch (cause) {
      next = steps.throw(cause);
      continue;
    }
    next = steps.next(answered);
  }
  return next.value;
}

/** Runs steps to their end, awaiting each answer; an error a step throws is thrown into the steps. */
export async function runStepsAsync<T>(steps: Steps<T>, driver: AsyncDriver): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    let answered: unknown;
    try {
      answered = await driver(next.value);
    } catch (cause) {
      next = steps.throw(cause);
      continue;
    }
    next = steps.next(answered);
  }
  return next.value;
}

/** Whether a result says the operation failed: the transaction that returned it rolls back. */
export function isFailure(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === false;
}
