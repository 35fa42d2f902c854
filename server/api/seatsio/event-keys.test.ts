import { CreateEventParams, Region, SeatsioClient } from 'seatsio';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ObjectsChanged, ServerToClientEvents } from '../../../contracts/realtime';
import { seedSmallVenue, smallVenue, startTestServer, TEST_ADMIN_KEY, type TestServer } from '../../testing/test-server';

/*
 * Event keys are unique within a workspace, as in seats.io: two venues may both call their event `gala`, neither
 * learns of the other's, and buyers address an event by its workspace's public key and its key (the default
 * workspace's events by their key alone).
 */

let server: TestServer;
let other: { key: string; client: SeatsioClient };
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  await seedSmallVenue(server.app, ['gala']);
  const admin = new SeatsioClient(new Region(`${server.baseUrl}/api`), TEST_ADMIN_KEY);
  const workspace = await admin.workspaces.create('Other venue');
  other = { key: workspace.key, client: new SeatsioClient(new Region(`${server.baseUrl}/api`), workspace.secretKey) };
  const res = await server.api('/charts', { json: { ...smallVenue(), key: 'small' }, secretKey: workspace.secretKey });
  expect(res.status, await res.text()).toBe(200);
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server.stop();
});

const anonymous = (path: string, init: RequestInit & { json?: unknown } = {}) => server.api(`/v1${path}`, { ...init, secretKey: null });

describe('an integrator', () => {
  it("creates an event under a key another workspace uses, learning nothing of the other's, and each books its own", async () => {
    const gala = await other.client.events.create('small', new CreateEventParams().withKey('gala').withName("The other venue's gala"));
    expect(gala.key).toBe('gala');
    await other.client.events.book('gala', ['A-1']);
    expect((await other.client.events.retrieveObjectInfo('gala', 'A-1')).status).toBe('booked');
    expect((await server.client.events.retrieveObjectInfo('gala', 'A-1')).status).toBe('free');
    // Within a workspace a key is still taken.
    await expect(other.client.events.create('small', new CreateEventParams().withKey('gala'))).rejects.toMatchObject({ status: 400 });
  });
});

describe('a buyer', () => {
  it("addresses the other workspace's event by its public key, and the default workspace's by its key alone", async () => {
    const own = (await (await anonymous('/events/gala')).json()) as { name: string | null; workspaceKey: string };
    expect(own.workspaceKey).toBe(server.app.defaultWorkspace.key);
    const theirs = (await (await anonymous(`/events/gala?workspaceKey=${other.key}`)).json()) as { name: string; workspaceKey: string };
    expect(theirs).toMatchObject({ name: "The other venue's gala", workspaceKey: other.key });
    expect((await anonymous('/events/gala?workspaceKey=no-such-workspace')).status).toBe(404);
  });

  it("holds at the event its address names, and a token made there holds nothing at the other's", async () => {
    const hold = await anonymous(`/events/gala/seats/hold?workspaceKey=${other.key}`, { method: 'POST', json: { objectLabels: ['A-2'] } });
    expect(hold.status, await hold.clone().text()).toBe(200);
    const { holdToken } = (await hold.json()) as { holdToken: string };
    expect((await other.client.events.retrieveObjectInfo('gala', 'A-2')).status).toBe('reservedByToken');
    expect((await server.client.events.retrieveObjectInfo('gala', 'A-2')).status).toBe('free');
    const before = await server.fingerprint();
    const elsewhere = await anonymous('/events/gala/seats/hold', { method: 'POST', json: { objectLabels: ['A-3'], holdToken } });
    expect(elsewhere.status).toBe(409);
    expect(await server.fingerprint()).toEqual(before);
  });

  it("hears the changes of the event it subscribed to, not of the other workspace's event with the same key", async () => {
    const listen = async (payload: { eventKey: string; workspaceKey?: string }) => {
      const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.baseUrl, { transports: ['websocket'] });
      sockets.push(socket);
      const heard: ObjectsChanged[] = [];
      socket.on('objects:changed', (m) => heard.push(m));
      const snapshot = await socket.emitWithAck('chart:subscribe', payload);
      return { heard, snapshot };
    };
    // A workspace that is not one, or not text, subscribes to nothing.
    expect((await listen({ eventKey: 'gala', workspaceKey: 'no-such-workspace' })).snapshot).toMatchObject({ ok: false });
    expect((await listen({ eventKey: 'gala', workspaceKey: 42 as unknown as string })).snapshot).toMatchObject({ ok: false });
    const ours = await listen({ eventKey: 'gala' });
    const theirs = await listen({ eventKey: 'gala', workspaceKey: other.key });
    expect(theirs.snapshot).toMatchObject({ ok: true, objects: expect.arrayContaining([{ label: 'A-1', status: 'booked' }]) });
    expect(ours.snapshot).toMatchObject({ ok: true });
    await other.client.events.book('gala', ['B-1']);
    const start = Date.now();
    while (!theirs.heard.length && Date.now() - start < 2000) await new Promise((r) => setTimeout(r, 10));
    expect(theirs.heard.flatMap((m) => m.changes)).toEqual([{ label: 'B-1', status: 'booked' }]);
    await new Promise((r) => setTimeout(r, 100));
    expect(ours.heard).toEqual([]);
  });
});
