import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ObjectsChanged, ServerToClientEvents } from '../../contracts/realtime';
import { parseTrustProxy, type TrustProxy } from '../api/client-address';
import { redisReachable, TEST_REDIS_URL } from '../testing/redis';
import { createBalancer } from '../cluster/balancer';
import { testDatabase, testDatabases } from '../testing/databases';
import { seedSmallVenue, startTestServer, TEST_SECRET_KEY, type TestServer } from '../testing/test-server';

/*
 * Two instances of Tessera on one database with REDIS_URL, as behind a load balancer: a change made through one
 * reaches the charts connected to the other, through the Socket.IO Redis adapter. Needs Redis on 127.0.0.1:6379
 * (CI starts it); skipped, saying why, when there is none.
 */

const reachable = await redisReachable('the Redis broadcast tests');

describe.runIf(reachable).each(await testDatabases('the Redis broadcast tests'))('two instances behind a load balancer, on %s', (kind) => {
  let database: { url: string; drop: () => Promise<void> };
  let a: TestServer;
  let b: TestServer;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    // Behind a balancer: each instance believes loopback's X-Forwarded-For.
    const trustProxy = parseTrustProxy('127.0.0.1') as TrustProxy;
    database = await testDatabase(kind);
    a = await startTestServer({ databaseUrl: database.url, redisUrl: TEST_REDIS_URL, trustProxy });
    await seedSmallVenue(a.app, ['shared']);
    b = await startTestServer({ databaseUrl: database.url, redisUrl: TEST_REDIS_URL, trustProxy });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await b.stop();
    await a.stop();
    await database.drop();
  });

  async function chartOn(server: { baseUrl: string }, transports: ('websocket' | 'polling')[] = ['websocket']) {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.baseUrl, { transports });
    sockets.push(socket);
    const heard: ObjectsChanged[] = [];
    socket.on('objects:changed', (m) => heard.push(m));
    expect(await socket.emitWithAck('chart:subscribe', { eventKey: 'shared' })).toMatchObject({ ok: true });
    return heard;
  }

  it('delivers a change made on one instance to the charts on both, once each', async () => {
    const onA = await chartOn(a);
    const onB = await chartOn(b);
    const booked = await a.api('/events/shared/actions/book', { json: { objects: ['A-1'] } });
    expect(booked.status).toBe(200);
    const start = Date.now();
    while ((!onA.length || !onB.length) && Date.now() - start < 3000) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    for (const heard of [onA, onB]) expect(heard.flatMap((m) => m.changes)).toEqual([{ label: 'A-1', status: 'booked' }]);
  });

  it("counts a buyer's hold rate limit once for all instances", async () => {
    // A client of its own each run: Redis keeps buckets between runs.
    const client = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const ask = (server: TestServer, labels: string[]) =>
      server.api('/v1/events/shared/seats/hold', { json: { objectLabels: labels }, secretKey: null, headers: { 'x-forwarded-for': client } });
    const rowA = Array.from({ length: 10 }, (_, i) => `A-${i + 1}`);
    const rowB = Array.from({ length: 10 }, (_, i) => `B-${i + 1}`);
    // 20 places asked on one instance, then 20 on the other: the burst is 30 places for both together.
    expect((await ask(a, [...rowA, ...rowB])).status).not.toBe(429);
    const second = await ask(b, [...rowA, ...rowB]);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('behind the balancer of `npm run start:cluster`: long polling sticks to one instance, and hears a booking made through either', async () => {
    const balancer = createBalancer([a.baseUrl, b.baseUrl]);
    await new Promise<void>((resolve) => balancer.listen(0, '127.0.0.1', resolve));
    try {
      const front = { baseUrl: `http://127.0.0.1:${(balancer.address() as { port: number }).port}` };
      // Polling only: each poll is a request of its own, which would fail on the instance that did not open the session.
      const polling = await chartOn(front, ['polling']);
      const websocket = await chartOn(front);
      for (const label of ['B-1', 'B-2']) {
        const res = await fetch(`${front.baseUrl}/api/events/shared/actions/book`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${TEST_SECRET_KEY}:`).toString('base64')}` },
          body: JSON.stringify({ objects: [label] }),
        });
        expect(res.status).toBe(200);
      }
      const start = Date.now();
      const changes = (heard: ObjectsChanged[]) => heard.flatMap((m) => m.changes).map((c) => c.label);
      while ((changes(polling).length < 2 || changes(websocket).length < 2) && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 20));
      expect(changes(polling)).toEqual(['B-1', 'B-2']);
      expect(changes(websocket)).toEqual(['B-1', 'B-2']);
    } finally {
      for (const socket of sockets.splice(0)) socket.disconnect();
      balancer.closeAllConnections();
      await new Promise<void>((resolve) => balancer.close(() => resolve()));
    }
  });
});
