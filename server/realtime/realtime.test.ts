import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallVenue, startTestServer, type TestServer } from '../testing/test-server';
import type { ClientToServerEvents, ObjectsChanged, ServerToClientEvents } from '../../contracts/realtime';
import { testDatabases } from '../testing/databases';

describe.each(await testDatabases('the realtime tests'))('on %s', (database) => {
  let server: TestServer;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = await startTestServer({ postgres: database === 'postgres' });
    await seedSmallVenue(server.app, ['live', 'elsewhere']);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server.stop();
  });

  async function subscriber(eventKey: string) {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.baseUrl, { transports: ['websocket'] });
    sockets.push(socket);
    const received: ObjectsChanged[] = [];
    socket.on('objects:changed', (m) => received.push(m));
    const snapshot = await socket.emitWithAck('chart:subscribe', { eventKey });
    const seq = snapshot.ok ? snapshot.seq : 0;
    // As a chart does: a change committed just before the snapshot may still arrive after it; it is not news.
    const messages = {
      get all() {
        return received.filter((m) => m.toSeq > seq);
      },
    };
    return { socket, messages, snapshot };
  }

  const until = async (check: () => boolean) => {
    const start = Date.now();
    while (!check()) {
      if (Date.now() - start > 2000) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  describe('chart:subscribe', () => {
    it('answers with the snapshot of every object that is not plainly free, and the GA counts', async () => {
      await server.api('/events/live/actions/book', { json: { objects: ['B-9'] } });
      const { snapshot } = await subscriber('live');
      expect(snapshot.ok).toBe(true);
      if (!snapshot.ok) return;
      expect(snapshot.objects).toEqual([
        { label: 'B-9', status: 'booked' },
        { label: 'GA1', status: 'free', numFree: 10 },
      ]);
      expect(snapshot.seq).toBe(1);
    });

    it('answers an unknown event with an error, and bad payloads without crashing', async () => {
      const { snapshot } = await subscriber('no-such-event');
      expect(snapshot).toEqual({ ok: false, error: 'Event not found: no-such-event' });
      const socket = io(server.baseUrl, { transports: ['websocket'] });
      sockets.push(socket);
      expect(await socket.emitWithAck('chart:subscribe', 42)).toEqual({ ok: false, error: 'eventKey: required' });
    });
  });

  describe('objects:changed', () => {
    it("reaches the other clients of the event, not another event's, with contiguous seqs", async () => {
      const a = await subscriber('live');
      const b = await subscriber('live');
      const other = await subscriber('elsewhere');
      if (!a.snapshot.ok) throw new Error('subscribe failed');
      const start = a.snapshot.seq;

      await server.api('/events/live/actions/book', { json: { objects: ['A-1', 'A-2'] } });
      await server.api('/events/live/actions/release', { json: { objects: ['A-1'] } });
      await until(() => b.messages.all.reduce((n, m) => n + m.changes.length, 0) >= 3);

      const changes = b.messages.all.flatMap((m) => m.changes);
      expect(changes).toEqual([
        { label: 'A-1', status: 'booked' },
        { label: 'A-2', status: 'booked' },
        { label: 'A-1', status: 'free' },
      ]);
      const messages = b.messages.all;
      expect(messages[0]!.fromSeq).toBe(start + 1);
      for (let i = 1; i < messages.length; i++) expect(messages[i]!.fromSeq).toBe(messages[i - 1]!.toSeq + 1);
      expect(messages.at(-1)!.toSeq).toBe(start + 3);
      expect(a.messages.all).toEqual(messages);
      expect(other.messages.all).toEqual([]);
    });

    it('never broadcasts hold tokens', async () => {
      const client = await subscriber('live');
      const { holdToken } = (await (await server.api('/hold-tokens', { json: {} })).json()) as { holdToken: string };
      await server.api('/events/live/actions/hold', { json: { objects: ['A-9'], holdToken } });
      await until(() => client.messages.all.length > 0);
      expect(JSON.stringify(client.messages.all)).not.toContain(holdToken);
    });
  });
});
