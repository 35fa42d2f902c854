'use client';

import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ChartDefinition } from '../../../contracts/chart';
import type { Pricing } from '../../../contracts/pricing';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../contracts/realtime';
import type { Connection } from '../../seating-chart/use-live-event';
import { createBoard, type Board, type BoardState } from './organiser-state';

/** How often at most the event view is drawn again while changes arrive. */
const REDRAW_MS = 250;

/**
 * The organisers' live view of one event: a snapshot on every (re)connect, then every change in seq order; a gap
 * triggers a fresh snapshot. While disconnected the last state stays on screen, marked not live.
 */
export function useOrganiserStream(
  eventKey: string,
  chart: ChartDefinition,
  pricing: Pricing | undefined,
): { board: BoardState | null; connection: Connection; error: string | null } {
  const [board, setBoard] = useState<BoardState | null>(null);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ transports: ['websocket'] });
    let current: Board | null = null;
    // Changes apply as they come; the screen is drawn again at most a few times a second. A dashboard redrawn on
    // every change of a busy on-sale spent a core laying out its page (docs/BENCHMARKS.md, section 7).
    let timer: ReturnType<typeof setTimeout> | undefined;
    let drawn = 0;
    const draw = () => {
      timer = undefined;
      drawn = performance.now();
      if (current) setBoard(current.state);
    };
    const subscribe = () => {
      current = null;
      socket.emit('manage:subscribe', { eventKey }, (reply) => {
        if (!reply.ok) {
          setError(reply.error);
          setConnection('failed');
          return;
        }
        current = createBoard(chart, pricing, reply);
        setBoard(current.state);
        setError(null);
        setConnection('live');
      });
    };
    socket.on('connect', subscribe);
    socket.on('disconnect', () => setConnection('reconnecting'));
    socket.on('activity:added', (message) => {
      if (!current || message.eventKey !== eventKey) return;
      const result = current.apply(message);
      if (result === 'applied') timer ??= setTimeout(draw, Math.max(0, drawn + REDRAW_MS - performance.now()));
      else if (result === 'gap') subscribe();
    });
    return () => {
      clearTimeout(timer);
      socket.disconnect();
    };
  }, [eventKey, chart, pricing]);

  return { board, connection, error };
}
