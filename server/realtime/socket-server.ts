import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { z } from 'zod';
import type { ClientToServerEvents, ServerToClientEvents } from '../../contracts/realtime';
import type { Booking } from '../booking/booking';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** The Socket.IO room of an event's charts. */
export const roomOf = (eventKey: string) => `event:${eventKey}`;

const subscribePayload = z.object({ eventKey: z.string().min(1).max(200) });

/** Socket.IO on the given HTTP server: `chart:subscribe` joins the event's room and answers with a snapshot. */
export function createRealtimeServer(httpServer: HttpServer, booking: Booking): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 16 * 1024 });
  io.on('connection', (socket) => {
    socket.on('chart:subscribe', (payload, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = subscribePayload.safeParse(payload);
      if (!parsed.success) return ack({ ok: false, error: 'eventKey: required' });
      const { eventKey } = parsed.data;
      // Join first, then read: a change committed in between arrives both in the snapshot and as a message
      // with seq <= snapshot seq, which the client ignores. Nothing falls between the two.
      void socket.join(roomOf(eventKey));
      const snapshot = booking.eventSnapshot(eventKey);
      if (!snapshot) {
        void socket.leave(roomOf(eventKey));
        return ack({ ok: false, error: `Event not found: ${eventKey}` });
      }
      ack({ ok: true, ...snapshot });
    });
  });
  return io;
}
