import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { z } from 'zod';
import type { ClientToServerEvents, ServerToClientEvents } from '../../contracts/realtime';
import { sameOrigin } from '../api/browser-admission';
import type { Booking } from '../booking/booking';
import { organiserSessionId } from '../organiser-cookie';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** The Socket.IO room of an event's charts (by its id: keys are unique only within a workspace, and can change). */
export const roomOf = (eventId: number) => `event:${eventId}`;

/** The Socket.IO room of the organisers watching an event. */
export const manageRoomOf = (eventId: number) => `manage:${eventId}`;

/** The Socket.IO room of the organisers' home pages. */
export const OVERVIEW_ROOM = 'manage:overview';

const subscribePayload = z.object({ eventKey: z.string().min(1).max(200), workspaceKey: z.string().min(1).max(200).optional() });

export type RealtimeOptions = {
  booking: Booking;
  organiserWorkspaceId: number;
  /** Origins besides the server's own whose pages may open sockets (an embedded chart's shop): ALLOWED_ORIGINS. */
  allowedOrigins: ReadonlySet<string>;
};

/**
 * Socket.IO on the given HTTP server. `chart:subscribe` joins the event's room and answers with a snapshot;
 * `manage:subscribe` does the same for the organisers' stream, and `manage:overview` joins the organisers' home
 * pages, for a signed-in organiser on this server's pages.
 */
export function createRealtimeServer(httpServer: HttpServer, { booking, organiserWorkspaceId, allowedOrigins }: RealtimeOptions): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
    // The buyer API's rule for browsers: this server's pages and the allowed origins; clients without an Origin pass.
    allowRequest: (req, answer) => {
      const origin = req.headers.origin;
      answer(null, origin === undefined || allowedOrigins.has(origin) || sameOrigin(origin, req));
    },
    // For the long-polling transport from an allowed origin (websockets need no CORS).
    cors: { origin: [...allowedOrigins], methods: ['GET', 'POST'] },
  });
  io.on('connection', (socket) => {
    /**
     * Joins the event's room, then reads its snapshot: a change committed in between arrives both in the snapshot
     * and as a message with seq <= snapshot seq, which the client ignores. Nothing falls between the two.
     */
    const joinThenRead = async <S extends object>(
      eventId: number | undefined,
      room: (eventId: number) => string,
      eventKey: string,
      read: () => Promise<S | undefined>,
    ): Promise<({ ok: true } & S) | { ok: false; error: string }> => {
      const notFound = { ok: false as const, error: `Event not found: ${eventKey}` };
      if (eventId === undefined) return notFound;
      void socket.join(room(eventId));
      const snapshot = await read();
      if (snapshot) return { ok: true, ...snapshot };
      void socket.leave(room(eventId));
      return notFound;
    };

    socket.on('chart:subscribe', async (payload, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = subscribePayload.safeParse(payload);
      if (!parsed.success) return ack({ ok: false, error: 'eventKey: required' });
      const address = parsed.data;
      ack(await joinThenRead((await booking.findPublicEvent(address))?.id, roomOf, address.eventKey, async () => booking.eventSnapshot(address)));
    });

    /**
     * Why this socket may not listen as an organiser, or null. Another website's page may open a socket to us with
     * the organiser's cookie: only our own pages may listen. Checked on every subscription, and a client subscribes
     * again on every reconnect.
     */
    const organiserRefusal = async (): Promise<string | null> => {
      const origin = socket.request.headers.origin;
      if (origin !== undefined && !sameOrigin(origin, socket.request)) return 'Not allowed from this origin';
      return (await booking.organiserSession(organiserSessionId(socket.request))) ? null : 'Log in first';
    };

    socket.on('manage:subscribe', async (payload, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = subscribePayload.safeParse(payload);
      if (!parsed.success) return ack({ ok: false, error: 'eventKey: required' });
      const { eventKey } = parsed.data;
      const refusal = await organiserRefusal();
      if (refusal) return ack({ ok: false, error: refusal });
      const eventId = (await booking.findEvent(eventKey, organiserWorkspaceId))?.id;
      ack(await joinThenRead(eventId, manageRoomOf, eventKey, async () => booking.organiserSnapshot(organiserWorkspaceId, eventKey)));
    });

    socket.on('manage:overview', async (ack) => {
      if (typeof ack !== 'function') return;
      const refusal = await organiserRefusal();
      if (refusal) return ack({ ok: false, error: refusal });
      void socket.join(OVERVIEW_ROOM);
      ack({ ok: true });
    });
  });
  return io;
}
