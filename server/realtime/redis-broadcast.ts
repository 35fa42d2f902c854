import { createAdapter } from '@socket.io/redis-adapter';
import type { RedisConnection } from '../redis';
import type { RealtimeServer } from './socket-server';

/**
 * Broadcasts through Redis, for several instances behind a load balancer: every instance's `io.to(room).emit(…)`
 * reaches the sockets of that room on all of them (the official Socket.IO Redis adapter, over pub/sub). A message
 * Redis drops is not lost to a chart: the seq numbers show the gap and the chart reads a snapshot again
 * (docs/decisions/026).
 */
export function broadcastThroughRedis(io: RealtimeServer, redis: RedisConnection): void {
  io.adapter(createAdapter(redis.client, redis.subscriber));
}
