import { connect } from 'node:net';

/** The Redis the scale-out tests use: REDIS_URL, or the one on these machines (CI starts it). */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether Redis answers at TEST_REDIS_URL; when not, says that the tests needing it are skipped, and why. */
export async function redisReachable(what: string): Promise<boolean> {
  const { hostname, port } = new URL(TEST_REDIS_URL);
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = connect(Number(port || 6379), hostname);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
  if (!reachable) console.warn(`Skipping ${what}: no Redis at ${TEST_REDIS_URL}`);
  return reachable;
}
