import { createClient } from 'redis';

/** node-redis's client as createClient gives it (its type carries the client's modules and protocol). */
export type RedisClient = ReturnType<typeof createClient<{}, {}, {}, 3, {}>>;

/** What several instances share through Redis (REDIS_URL): one connection for commands, one for subscriptions. */
export type RedisConnection = { client: RedisClient; subscriber: RedisClient; close: () => Promise<void> };

export async function connectRedis(url: string): Promise<RedisConnection> {
  const client = createClient({ url });
  const subscriber = client.duplicate();
  // Reconnects are the client's job; an error between them is logged, never thrown at the process.
  for (const c of [client, subscriber]) c.on('error', (cause: unknown) => console.error('Redis:', cause));
  await Promise.all([client.connect(), subscriber.connect()]);
  return { client, subscriber, close: async () => void (await Promise.all([client.quit(), subscriber.quit()])) };
}
