import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { RealtimeServer } from './socket-server';

/**
 * Broadcasts through Redis, for several instances behind a load balancer: every instance's `io.to(room).emit(…)`
 * reaches the sockets of that room on all of them (the official Socket.IO Redis adapter, over pub/sub). A message
 * Redis drops is not lost to a chart: the seq numbers show the gap and the chart reads a snapshot again
 * (docs/decisions/026). Returns what closes the two connections.
 */
export async function broadcastThroughRedis(io: RealtimeServer, url: string): Promise<() => Promise<void>> {
  const publisher = createClient({ url });
  const subscriber = publisher.duplicate();
  // Reconnects are the client's job; an error between them is logged, never thrown at the process.
  for (const client of [publisher, subscriber]) client.on('error', (cause: unknown) => console.error('Redis:', cause));
  await Promise.all([publisher.connect(), subscriber.connect()]);
  io.adapter(createAdapter(publisher, subscriber));
  return async () => {
    await Promise.all([publisher.quit(), subscriber.quit()]);
  };
}
