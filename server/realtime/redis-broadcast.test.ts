import { connect } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ObjectsChanged, ServerToClientEvents } from '../../contracts/realtime';
import { seedSmallVenue, startTestServer, tempDir, type TestServer } from '../testing/test-server';

/*
 * Two instances of Tessera on one database with REDIS_URL, as behind a load balancer: a change made through one
 * reaches the charts connected to the other, through the Socket.IO Redis adapter. Needs Redis on 127.0.0.1:6379
 * (CI starts it); skipped, saying why, when there is none.
 */

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const reachable = await new Promise<boolean>((resolve) => {
  const { hostname, port } = new URL(REDIS_URL);
  const socket = connect(Number(port || 6379), hostname);
  socket.once('connect', () => (socket.destroy(), resolve(true)));
  socket.once('error', () => resolve(false));
});
if (!reachable) console.warn(`Skipping the Redis broadcast tests: no Redis at ${REDIS_URL}`);

describe.runIf(reachable)('two instances behind a load balancer', () => {
  const dir = tempDir();
  const databaseFile = `${dir.dir}/shared.db`;
  let a: TestServer;
  let b: TestServer;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    a = await startTestServer({ databaseFile, redisUrl: REDIS_URL });
    seedSmallVenue(a.app, ['shared']);
    b = await startTestServer({ databaseFile, redisUrl: REDIS_URL });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await b.stop();
    await a.stop();
    dir.cleanup();
  });

  async function chartOn(server: TestServer) {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.baseUrl, { transports: ['websocket'] });
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
});
