'use client';

import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ChartDefinition } from '../../../contracts/chart';
import type { Pricing } from '../../../contracts/pricing';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../contracts/realtime';
import type { Connection } from '../../seating-chart/use-live-event';
import { createBoard, type Board, type BoardState } from './organiser-state';

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
      if (result === 'applied') setBoard(current.state);
      else if (result === 'gap') subscribe();
    });
    return () => {
      socket.disconnect();
    };
  }, [eventKey, chart, pricing]);

  return { board, connection, error };
}
