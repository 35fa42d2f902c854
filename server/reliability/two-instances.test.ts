import { createServer, type IncomingHttpHeaders } from 'node:http';
import { io, type Socket } from 'socket.io-client';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ObjectsChanged, ServerToClientEvents } from '../../contracts/realtime';
import { postgresReachable, testDatabase } from '../testing/databases';
import { redisReachable, TEST_REDIS_URL } from '../testing/redis';
import { seedSmallVenue, smallVenue, startTestServer, type TestServer } from '../testing/test-server';

/*
 * Scale-out: two instances of Tessera on one PostgreSQL database, broadcasting through Redis, as behind a load
 * balancer. What one instance does, the other sees at once; what both do at once keeps every invariant; the work
 * both find due (expired holds, webhook deliveries) is done once. Needs PostgreSQL and Redis (CI starts both);
 * skipped, saying why, without them.
 */

const reachable = (await postgresReachable('the two-instance tests')) && (await redisReachable('the two-instance tests'));

const waitFor = async (check: () => boolean | Promise<boolean>, ms = 5000) => {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe.runIf(reachable)('two instances on one PostgreSQL database', () => {
  let database: { url: string; drop: () => Promise<void> };
  let a: TestServer;
  let b: TestServer;
  let clock = Date.now();
  const sockets: Socket[] = [];

  beforeAll(async () => {
    database = await testDatabase('postgres');
    // One clock for both, moved by the tests; both sweep expired holds and send webhooks, often.
    const options = { databaseUrl: database.url, redisUrl: TEST_REDIS_URL, now: () => clock, sweepIntervalMs: 50, webhookAllowPrivate: true };
    a = await startTestServer(options);
    await seedSmallVenue(a.app, ['race', 'watched', 'expiring', 'hooked'], 25);
    b = await startTestServer(options);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
    await database.drop();
  });

  const newToken = async (server: TestServer) => ((await (await server.api('/hold-tokens', { json: {} })).json()) as { holdToken: string }).holdToken;

  it("shows a buyer's chart on one instance a hold made through the other within a second", async () => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(a.baseUrl, { transports: ['websocket'] });
    sockets.push(socket);
    const heard: ObjectsChanged[] = [];
    socket.on('objects:changed', (m) => heard.push(m));
    expect(await socket.emitWithAck('chart:subscribe', { eventKey: 'watched' })).toMatchObject({ ok: true });

    const started = Date.now();
    const held = await b.api('/v1/events/watched/seats/hold', { json: { objectLabels: ['A-3'] }, secretKey: null });
    expect(held.status).toBe(200);
    await waitFor(() => heard.length > 0, 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(heard.flatMap((m) => m.changes)).toEqual([{ label: 'A-3', status: 'reservedByToken' }]);
  });

  it('lets exactly one of 1,000 holds of one seat, sent to both at once, have it', async () => {
    const tokens = await Promise.all(Array.from({ length: 1000 }, (_, i) => newToken(i % 2 ? b : a)));
    const statuses = await Promise.all(
      tokens.map((holdToken, i) => (i % 2 ? b : a).api('/events/race/actions/hold', { json: { objects: ['A-1'], holdToken } }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 400)).toHaveLength(999);
    const winner = tokens[statuses.indexOf(200)];
    expect(
      await a.query("select o.status, o.hold_token from event_objects o join events e on e.id = o.event_id where e.key = 'race' and o.label = 'A-1'"),
    ).toEqual([{ status: 'reservedByToken', hold_token: winner }]);
    expect(await a.query("select s.seq from status_changes s join events e on e.id = s.event_id where e.key = 'race'")).toEqual([{ seq: 1 }]);
  });

  it('releases each expired hold once, though both instances sweep', async () => {
    const labels = Array.from({ length: 10 }, (_, i) => [`A-${i + 1}`, `B-${i + 1}`]).flat();
    for (const [i, label] of labels.entries()) {
      const server = i % 2 ? b : a;
      const token = await server.api('/hold-tokens', { json: { expiresInMinutes: 1 } });
      const { holdToken } = (await token.json()) as { holdToken: string };
      expect((await server.api('/events/expiring/actions/hold', { json: { objects: [label], holdToken } })).status).toBe(200);
    }
    clock += 2 * 60_000;
    const expired = () =>
      a.query<{ label: string; seq: number }>(
        "select s.label, s.seq from status_changes s join events e on e.id = s.event_id where e.key = 'expiring' and s.origin = 'HOLD_EXPIRED' order by s.seq",
      );
    await waitFor(async () => (await expired()).length >= labels.length);
    // Both sweepers had a second more to release anything twice.
    await new Promise((r) => setTimeout(r, 1000));
    const log = await expired();
    expect(log.map((e) => e.label).sort()).toEqual([...labels].sort());
    expect(log.map((e) => e.seq)).toEqual(labels.map((_, i) => labels.length + i + 1));
    expect(await a.query('select token from hold_tokens where not expired and expires_at <= ' + clock)).toEqual([]);
  });

  it('sends each webhook once from either instance, to a subscription made on the other', async () => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => (received.push({ headers: req.headers, body }), res.writeHead(204).end()));
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks`;
      const created = await a.api('/v1/webhooks', { json: { url, events: ['seat.booked'] } });
      const { secret } = (await created.json()) as { secret: string };
      const labels = ['B-1', 'B-2', 'B-3', 'B-4', 'B-5', 'B-6'];
      for (const [i, label] of labels.entries()) {
        expect((await (i % 2 ? a : b).api('/events/hooked/actions/book', { json: { objects: [label] } })).status).toBe(200);
      }
      await waitFor(() => received.length >= labels.length);
      await new Promise((r) => setTimeout(r, 1000));
      const messages = received.map((r) => new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as { data: { objectLabel: string } });
      expect(messages.map((m) => m.data.objectLabel).sort()).toEqual(labels);
    } finally {
      await new Promise<void>((r) => receiver.close(() => r()));
    }
  });

  it('sells on a chart version published through the other instance from its next request', async () => {
    const created = await a.api('/charts', { json: { ...smallVenue(), key: 'versions' } });
    expect(created.status).toBe(200);
    expect((await a.api('/events', { json: { chartKey: 'versions', eventKey: 'versioned' } })).status).toBe(200);
    const chartUrl = async (server: TestServer) =>
      ((await (await server.api('/v1/events/versioned', { secretKey: null })).json()) as { chartUrl: string }).chartUrl;
    const before = await chartUrl(b);
    await a.client.charts.update('versions', 'Renamed hall');
    await a.client.charts.publishDraftVersion('versions');
    const after = await chartUrl(b);
    expect(after).not.toBe(before);
    expect(((await (await fetch(`${b.baseUrl}${after}`)).json()) as { name: string }).name).toBe('Renamed hall');
    expect((await fetch(`${b.baseUrl}${before}`)).status).toBe(404);
  });
});
