import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { ObjectsChanged } from '../../contracts/realtime';
import { testDatabase } from '../testing/databases';
import { seedSmallVenue, startTestServer, type TestServer } from '../testing/test-server';

/** A clock the test moves by hand. */
function manualClock(start = Date.UTC(2026, 10, 25, 12)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const waitFor = async (check: () => boolean | Promise<boolean>, timeoutMs = 2000) => {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - start;
};

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function holdWithShortToken(server: TestServer, eventKey: string, objects: unknown[]): Promise<string> {
  const token = (await (await server.api('/hold-tokens', { json: { expiresInMinutes: 1 } })).json()) as { holdToken: string };
  const res = await server.api(`/events/${eventKey}/actions/hold`, { json: { objects, holdToken: token.holdToken } });
  expect(res.status).toBe(200);
  return token.holdToken;
}

function expiryLog(server: TestServer) {
  return server.witness.prepare("select label, quantity from status_changes where origin = 'HOLD_EXPIRED' order by seq").all() as {
    label: string;
    quantity: number;
  }[];
}

function statusOf(server: TestServer, label: string) {
  return (server.witness.prepare('select status from event_objects where label = ?').get(label) as { status: string } | undefined)?.status;
}

describe('hold expiry', () => {
  it('frees every object of an expired token once, within a second, and tells subscribed charts', async () => {
    const clock = manualClock();
    const server = await startTestServer({ now: clock.now, sweepIntervalMs: 100 });
    cleanups.push(server.stop);
    await seedSmallVenue(server.app, ['expiry']);
    await holdWithShortToken(server, 'expiry', ['A-1', 'A-2', { objectId: 'GA1', quantity: 3 }]);

    const socket = io(server.baseUrl, { transports: ['websocket'] });
    cleanups.push(() => void socket.disconnect());
    const messages: ObjectsChanged[] = [];
    socket.on('objects:changed', (m) => messages.push(m));
    const snapshot = await socket.emitWithAck('chart:subscribe', { eventKey: 'expiry' });
    expect(snapshot.objects).toContainEqual({ label: 'A-1', status: 'reservedByToken' });

    clock.advance(59_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(statusOf(server, 'A-1')).toBe('reservedByToken');

    clock.advance(1_000);
    const took = await waitFor(() => statusOf(server, 'A-1') === 'free' && statusOf(server, 'A-2') === 'free');
    expect(took).toBeLessThan(1000);
    clock.advance(60_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(expiryLog(server)).toEqual([
      { label: 'A-1', quantity: 1 },
      { label: 'A-2', quantity: 1 },
      { label: 'GA1', quantity: 3 },
    ]);
    // The hold itself may still arrive after the snapshot (toSeq <= snapshot seq): a chart ignores that one.
    const fresh = () => messages.filter((m) => m.toSeq > snapshot.seq);
    await waitFor(() => fresh().length > 0);
    expect(fresh()[0]!.changes).toEqual([
      { label: 'A-1', status: 'free' },
      { label: 'A-2', status: 'free' },
      { label: 'GA1', status: 'free', numFree: 10 },
    ]);
    expect(fresh()[0]!.fromSeq).toBe(snapshot.seq + 1);
  });

  it('frees holds whose token expired while the server was down, once, at the next start', async () => {
    const database = await testDatabase('sqlite');
    cleanups.push(database.drop);
    const databaseUrl = database.url;
    const clock = manualClock();
    const first = await startTestServer({ databaseUrl, now: clock.now });
    await seedSmallVenue(first.app, ['restart']);
    await holdWithShortToken(first, 'restart', ['B-1']);
    await first.stop();

    clock.advance(5 * 60_000);
    const second = await startTestServer({ databaseUrl, now: clock.now });
    cleanups.push(second.stop);
    expect(statusOf(second, 'B-1')).toBe('free');
    await second.stop();
    cleanups.pop();

    const third = await startTestServer({ databaseUrl, now: clock.now });
    cleanups.push(third.stop);
    expect(expiryLog(third)).toEqual([{ label: 'B-1', quantity: 1 }]);
  });

  it('refuses to book with an expired token even before the sweeper has run', async () => {
    const clock = manualClock();
    const server = await startTestServer({ now: clock.now, sweepIntervalMs: 60_000 });
    cleanups.push(server.stop);
    await seedSmallVenue(server.app, ['late']);
    const token = await holdWithShortToken(server, 'late', ['A-3']);
    clock.advance(61_000);
    const res = await server.api('/events/late/actions/book', { json: { objects: ['A-3'], holdToken: token } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('HOLD_TOKEN_EXPIRED');
  });
});

describe('hold expiry at scale', () => {
  it('expires three thousand tokens that ran out at once, without waiting for one sweep each', async () => {
    const clock = manualClock();
    const server = await startTestServer({ now: clock.now, sweepIntervalMs: 100 });
    cleanups.push(server.stop);
    await seedSmallVenue(server.app, ['many']);
    const tokens: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const created = await server.app.booking.createHoldToken(server.app.defaultWorkspace.id, 1);
      if (!created.ok) throw new Error(created.reason);
      tokens.push(created.holdToken.token);
    }
    await server.api('/events/many/actions/hold', { json: { objects: ['A-1'], holdToken: tokens[0] } });
    clock.advance(61_000);
    // A sweep every 100 ms: one token a sweep would take five minutes. How fast a sweep is, the benchmark's business;
    // here, that a few sweeps do it (a loaded CI machine is given time), and that the seat held is freed once.
    await waitFor(() => (server.witness.prepare('select count(*) as n from hold_tokens where expired = 0').get() as { n: number }).n === 0, 10_000);
    expect(statusOf(server, 'A-1')).toBe('free');
    expect(expiryLog(server)).toEqual([{ label: 'A-1', quantity: 1 }]);
  });
});
