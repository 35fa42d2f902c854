'use client';

import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../contracts/realtime';
import { applyChanges, fromSnapshot, type LiveState } from './live-state';

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'failed';

/**
 * Live statuses of one event: a snapshot on every (re)connect, then `objects:changed` in seq order;
 * a gap in seq triggers a fresh snapshot. While disconnected the state is kept but marked not live. `server` is
 * another origin's Tessera (an embedded chart); the page's own server when absent.
 */
export function useLiveEvent(
  eventKey: string,
  server?: string,
  workspaceKey?: string,
): { state: LiveState | null; connection: Connection; error: string | null } {
  const [state, setState] = useState<LiveState | null>(null);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [error, setError] = useState<string | null>(null);
  const current = useRef<LiveState | null>(null);

  useEffect(() => {
    // The page's own server, or (an embedded chart) the Tessera server it was loaded from.
    const options = { transports: ['websocket'] };
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = server ? io(server, options) : io(options);
    const update = (next: LiveState | null) => {
      current.current = next;
      setState(next);
    };
    const subscribe = () => {
      current.current = null;
      socket.emit('chart:subscribe', { eventKey, ...(workspaceKey ? { workspaceKey } : {}) }, (reply) => {
        if (!reply.ok) {
          setError(reply.error);
          setConnection('failed');
          return;
        }
        update(fromSnapshot(reply.seq, reply.objects));
        setConnection('live');
      });
    };
    socket.on('connect', subscribe);
    socket.on('disconnect', () => setConnection('reconnecting'));
    socket.on('objects:changed', (message) => {
      const now = current.current;
      if (!now || message.eventKey !== eventKey) return;
      const result = applyChanges(now, message);
      if (result.kind === 'applied') update(result.state);
      else if (result.kind === 'gap') subscribe();
    });
    return () => {
      socket.disconnect();
    };
  }, [eventKey, server, workspaceKey]);

  return { state, connection, error };
}
