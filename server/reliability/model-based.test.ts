import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testDatabase, testDatabases } from '../testing/databases';
import { seedSmallVenue, startTestServer, type TestServer } from '../testing/test-server';

/*
 * Model-based random test: many concurrent HTTP clients issue random hold / book / release / custom-status
 * batches over a small venue. Afterwards the log is replayed through a model of the rules: every logged change
 * must be legal in the order it was committed, the GA area must never exceed its capacity, the replay must end
 * where the database is, and the log must hold exactly the changes of the 2xx answers (failures leave no trace).
 */

const SEATS = ['A-1', 'A-2', 'A-3', 'A-4', 'B-1', 'B-2', 'T2', 'B1'];
const CAPACITY = 6;
const CLIENTS = 5;

type Command = { client: number; kind: 'hold' | 'book' | 'release' | 'status'; labels: string[]; ga: number; withToken: boolean };

const command: fc.Arbitrary<Command> = fc.record({
  client: fc.integer({ min: 0, max: CLIENTS - 1 }),
  kind: fc.constantFrom('hold', 'book', 'release', 'status'),
  labels: fc.uniqueArray(fc.constantFrom(...SEATS), { minLength: 0, maxLength: 3 }),
  ga: fc.integer({ min: 0, max: 3 }),
  withToken: fc.boolean(),
});

type LogRow = { seq: number; label: string; status: string; quantity: number; hold_token: string | null };

/** Replays the log through the rules; returns the first illegal step, or the final state. */
function replay(log: LogRow[]) {
  const seats = new Map<string, { status: string; token: string | null }>();
  const ga = new Map<string, number>(); // `${status}/${token}` → places
  const gaGet = (k: string) => ga.get(k) ?? 0;
  const gaAdd = (k: string, q: number) => ga.set(k, gaGet(k) + q);
  const taken = () => [...ga.values()].reduce((a, b) => a + b, 0);
  for (const e of log) {
    const fail = (why: string) => ({ ok: false as const, why: `seq ${e.seq} ${e.label} → ${e.status}: ${why}` });
    if (e.label === 'GA1') {
      const held = `reservedByToken/${e.hold_token}`;
      if (e.status === 'free') {
        // With a token: what it holds. Without: booked places first, then custom statuses (here only `blocked`).
        const sources = e.hold_token ? [held] : ['booked/null', 'blocked/null'];
        if (sources.reduce((n, k) => n + gaGet(k), 0) < e.quantity) return fail('released more than there was');
        let left = e.quantity;
        for (const k of sources) {
          const take = Math.min(left, gaGet(k));
          gaAdd(k, -take);
          left -= take;
        }
      } else if (e.status === 'reservedByToken' || !e.hold_token) {
        if (CAPACITY - taken() < e.quantity) return fail('over capacity');
        gaAdd(e.status === 'reservedByToken' ? held : `${e.status}/null`, e.quantity);
      } else {
        if (gaGet(held) < e.quantity) return fail('took more than the token held');
        gaAdd(held, -e.quantity);
        gaAdd(`${e.status}/null`, e.quantity);
      }
      continue;
    }
    const prev = seats.get(e.label) ?? { status: 'free', token: null };
    const heldByOther = prev.status === 'reservedByToken' && prev.token !== e.hold_token;
    if (e.status === 'free') {
      if (prev.status === 'free') return fail('released a free seat');
      if (heldByOther) return fail('released without the holding token');
      if (e.hold_token && prev.status !== 'reservedByToken') return fail('a token released what it did not hold');
      seats.set(e.label, { status: 'free', token: null });
    } else {
      if (prev.status !== 'free' && prev.status !== 'reservedByToken') return fail(`taken while ${prev.status}`);
      if (heldByOther) return fail('taken from another token');
      if (e.hold_token && e.status !== 'reservedByToken' && prev.status !== 'reservedByToken') return fail('booked with a token that held nothing');
      seats.set(e.label, { status: e.status, token: e.status === 'reservedByToken' ? e.hold_token : null });
    }
  }
  const gaFinal = [...ga]
    .filter(([, q]) => q > 0)
    .map(([k, q]) => `${k}=${q}`)
    .sort();
  return { ok: true as const, seats, gaFinal };
}

async function run(server: Pick<TestServer, 'api'>, tokens: string[], c: Command): Promise<number> {
  const objects = [...c.labels, ...(c.ga ? [{ objectId: 'GA1', quantity: c.ga }] : [])];
  if (!objects.length) return 0;
  const holdToken = c.withToken || c.kind === 'hold' ? tokens[c.client] : undefined;
  const action = c.kind === 'status' ? 'change-object-status' : c.kind;
  const res = await server.api(`/events/model/actions/${action}`, {
    json: { objects, ...(holdToken ? { holdToken } : {}), ...(c.kind === 'status' ? { status: 'blocked' } : {}) },
  });
  if (res.status >= 500) throw new Error(`server error ${res.status}: ${await res.text()}`);
  return res.status === 200 ? objects.length : 0;
}

/** Where the clients send their commands: one server, or two instances of it sharing one PostgreSQL database. */
const setups = (await testDatabases('the model-based test')).flatMap((database) => [
  { name: `on ${database}`, database, instances: 1 },
  ...(database === 'postgres' ? [{ name: 'on postgres, the clients split across two instances', database, instances: 2 }] : []),
]);

describe.each(setups.map((setup) => [setup.name, setup] as const))('random concurrent batches against a model, %s', (_name, { database, instances }) => {
  it('keep every invariant', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 20, maxLength: 80 }), async (commands) => {
        const shared = await testDatabase(database);
        const servers = [await startTestServer({ databaseUrl: shared.url })];
        while (servers.length < instances) servers.push(await startTestServer({ databaseUrl: shared.url }));
        const server = servers[0]!;
        try {
          await seedSmallVenue(server.app, ['model'], CAPACITY);
          const tokens = await Promise.all(
            Array.from({ length: CLIENTS }, async () => ((await (await server.api('/hold-tokens', { json: {} })).json()) as { holdToken: string }).holdToken),
          );
          // Each client works through its own commands in order; the clients run at the same time.
          const changed = await Promise.all(
            Array.from({ length: CLIENTS }, async (_, client) => {
              let n = 0;
              for (const c of commands.filter((c) => c.client === client)) n += await run(servers[client % instances]!, tokens, c);
              return n;
            }),
          );
          const log = await server.query<LogRow>('select seq, label, status, quantity, hold_token from status_changes order by seq');
          expect(log.length).toBe(changed.reduce((a, b) => a + b, 0));
          expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
          const replayed = replay(log);
          if (!replayed.ok) throw new Error(replayed.why);
          for (const row of await server.query<{ label: string; status: string; hold_token: string | null }>(
            'select label, status, hold_token from event_objects',
          )) {
            const expected = replayed.seats.get(row.label) ?? { status: 'free', token: null };
            expect({ label: row.label, status: row.status, token: row.hold_token }).toEqual({ label: row.label, ...expected });
          }
          const gaRows = await server.query<{ status: string; hold_token: string; quantity: number }>(
            'select status, hold_token, quantity from ga_allocations',
          );
          expect(gaRows.map((r) => `${r.status}/${r.hold_token || 'null'}=${r.quantity}`).sort()).toEqual(replayed.gaFinal);
        } finally {
          for (const s of servers) await s.stop();
          await shared.drop();
        }
      }),
      // Fewer on PostgreSQL, whose every run creates and migrates a database.
      { numRuns: database === 'postgres' ? 12 : 25 },
    );
  });
});
