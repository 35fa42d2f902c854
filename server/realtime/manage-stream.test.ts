import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, EventActivity, ServerToClientEvents } from '../../contracts/realtime';
import { seedSmallVenue, startTestServer, type TestServer } from '../testing/test-server';
import { testDatabases } from '../testing/databases';

describe.each(await testDatabases('the manage-stream tests'))('on %s', (database) => {
  /* The organisers' stream: only a signed-in organiser on this server's pages gets it, and it carries every change. */

  /** A shop allowed to embed the buyer's chart: its pages may open sockets, but not listen as organisers. */
  const SHOP = 'https://shop.example.com';
  let server: TestServer;
  let session: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = await startTestServer({ postgres: database === 'postgres', allowedOrigins: [SHOP] });
    await seedSmallVenue(server.app, ['live', 'elsewhere']);
    ({ session } = await server.loginOrganiser());
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server.stop();
  });

  function connect(headers: Record<string, string>): Socket<ServerToClientEvents, ClientToServerEvents> {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.baseUrl, { transports: ['websocket'], extraHeaders: headers });
    sockets.push(socket);
    return socket;
  }

  const until = async (check: () => boolean) => {
    const start = Date.now();
    while (!check()) {
      if (Date.now() - start > 2000) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  const buyerHold = async (eventKey: string, objectLabels: string[], quantities?: Record<string, number>) => {
    const res = await server.api(`/v1/events/${eventKey}/seats/hold`, { json: { objectLabels, quantities }, secretKey: null });
    expect(res.status).toBe(200);
    return ((await res.json()) as { holdToken: string }).holdToken;
  };

  describe('manage:subscribe', () => {
    it('is refused without a session, with a wrong one, and from an embedding shop with the right one; nothing arrives', async () => {
      const attempts: Record<string, string>[] = [{}, { cookie: 'tessera_manage=guess' }, { cookie: session, origin: SHOP }];
      const sockets = attempts.map(connect);
      const received: EventActivity[] = [];
      for (const socket of sockets) socket.on('activity:added', (m) => received.push(m));
      const replies = await Promise.all(sockets.map((s) => s.emitWithAck('manage:subscribe', { eventKey: 'live' })));
      expect(replies).toEqual([
        { ok: false, error: 'Log in first' },
        { ok: false, error: 'Log in first' },
        { ok: false, error: 'Not allowed from this origin' },
      ]);
      await buyerHold('live', ['A-5']);
      await new Promise((r) => setTimeout(r, 100));
      expect(received).toEqual([]);
      // Any other website's page does not even connect.
      const foreign = io(server.baseUrl, { transports: ['websocket'], extraHeaders: { cookie: session, origin: 'https://evil.example' }, reconnection: false });
      sockets.push(foreign);
      expect(await new Promise((resolve) => foreign.on('connect_error', (e) => resolve(e.message)).on('connect', () => resolve('connected')))).toBe(
        'websocket error',
      );
    });

    it('answers a signed-in organiser with the objects, standing places per status, the latest changes and the timeline', async () => {
      await server.api('/events/elsewhere/actions/book', { json: { objects: ['B-1', { objectId: 'GA1', quantity: 3 }], orderId: 'box-1' } });
      await buyerHold('elsewhere', ['GA1'], { GA1: 2 });
      const socket = connect({ cookie: session, origin: server.baseUrl });
      const reply = await socket.emitWithAck('manage:subscribe', { eventKey: 'elsewhere' });
      if (!reply.ok) throw new Error(reply.error);
      const minute = Math.floor(Date.now() / 60_000);
      expect(reply.seq).toBe(3);
      expect(reply.objects).toEqual([
        { label: 'B-1', status: 'booked' },
        { label: 'GA1', status: 'free', numFree: 5, places: { booked: 3, reservedByToken: 2 } },
      ]);
      expect(reply.recent.map(({ at: _at, ...change }) => change)).toEqual([
        { seq: 3, origin: 'BUYER', label: 'GA1', status: 'reservedByToken', quantity: 2, orderId: null },
        { seq: 2, origin: 'API_CALL', label: 'GA1', status: 'booked', quantity: 3, orderId: 'box-1' },
        { seq: 1, origin: 'API_CALL', label: 'B-1', status: 'booked', quantity: 1, orderId: 'box-1' },
      ]);
      expect(reply.timeline.map((p) => p.minute).every((m) => Math.abs(m - minute) <= 1)).toBe(true);
      expect(reply.timeline.reduce((sums, p) => ({ booked: sums.booked + p.booked, held: sums.held + p.held }), { booked: 0, held: 0 })).toEqual({
        booked: 4,
        held: 2,
      });
      expect(await socket.emitWithAck('manage:subscribe', { eventKey: 'none' })).toEqual({ ok: false, error: 'Event not found: none' });
    });

    it("streams each change with its origin and the object after it, only to the event's organisers", async () => {
      const live = connect({ cookie: session });
      const other = connect({ cookie: session });
      const onLive: EventActivity[] = [];
      const onOther: EventActivity[] = [];
      live.on('activity:added', (m) => onLive.push(m));
      other.on('activity:added', (m) => onOther.push(m));
      const start = await live.emitWithAck('manage:subscribe', { eventKey: 'live' });
      const otherStart = await other.emitWithAck('manage:subscribe', { eventKey: 'elsewhere' });
      if (!start.ok) throw new Error(start.error);
      if (!otherStart.ok) throw new Error(otherStart.error);

      const holdToken = await buyerHold('live', ['GA1'], { GA1: 4 });
      await server.api('/events/live/actions/book', { json: { objects: ['A-1'], orderId: 'o-7' } });
      await until(() => onLive.flatMap((m) => m.entries).length >= 2);

      const entries = onLive.flatMap((m) => m.entries);
      expect(entries.map(({ at, ...entry }) => ({ ...entry, recent: Math.abs(at - Date.now()) < 5000 }))).toEqual([
        {
          seq: start.seq + 1,
          origin: 'BUYER',
          label: 'GA1',
          status: 'reservedByToken',
          quantity: 4,
          orderId: null,
          object: { label: 'GA1', status: 'free', numFree: 6, places: { reservedByToken: 4 } },
          recent: true,
        },
        {
          seq: start.seq + 2,
          origin: 'API_CALL',
          label: 'A-1',
          status: 'booked',
          quantity: 1,
          orderId: 'o-7',
          object: { label: 'A-1', status: 'booked' },
          recent: true,
        },
      ]);
      // The other event's organiser gets nothing of this one (at most a late tick of the earlier test's changes to
      // its own event, already in its snapshot: the feed coalesces per tick).
      expect(onOther.filter((m) => m.eventKey !== 'elsewhere' || m.toSeq > otherStart.seq)).toEqual([]);
      // Hold tokens stay with whoever holds them, organisers included.
      expect(JSON.stringify(onLive)).not.toContain(holdToken);
    });

    it('tells signed-in home pages that something changed, and nobody else', async () => {
      const home = connect({ cookie: session });
      const stranger = connect({});
      let pings = 0;
      let strangerPings = 0;
      home.on('overview:changed', () => pings++);
      stranger.on('overview:changed', () => strangerPings++);
      expect(await home.emitWithAck('manage:overview')).toEqual({ ok: true });
      expect(await stranger.emitWithAck('manage:overview')).toEqual({ ok: false, error: 'Log in first' });
      await buyerHold('live', ['B-3']);
      await until(() => pings > 0);
      expect(strangerPings).toBe(0);
    });
  });
});
