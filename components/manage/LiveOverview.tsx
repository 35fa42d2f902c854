'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../contracts/realtime';
import styles from './manage.module.css';

/** A busy on-sale changes something every few milliseconds: the home reloads its counts at most this often. */
const REFRESH_MS = 1000;

/** Keeps the organisers' home current: its counts are read again (a server render) soon after any change. */
export function LiveOverview() {
  const router = useRouter();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ transports: ['websocket'] });
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    socket.on('connect', () =>
      socket.emit('manage:overview', (reply) => {
        setLive(reply.ok);
        // Whatever changed while we were away shows now.
        if (reply.ok) router.refresh();
      }),
    );
    socket.on('disconnect', () => setLive(false));
    socket.on('overview:changed', () => {
      if (timer) return;
      timer = setTimeout(
        () => {
          timer = undefined;
          last = Date.now();
          router.refresh();
        },
        Math.max(0, last + REFRESH_MS - Date.now()),
      );
    });
    return () => {
      clearTimeout(timer);
      socket.disconnect();
    };
  }, [router]);
  return (
    <span className={styles.live} data-live={live} role="status">
      {live ? 'Live' : 'Not live'}
    </span>
  );
}
