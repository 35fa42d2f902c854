import { serviceReachable } from './reachable';

/** The Redis the scale-out tests use: REDIS_URL, or the one on these machines (CI starts it). */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether Redis answers at TEST_REDIS_URL; when not, says that the tests needing it are skipped, and why. */
export const redisReachable = (what: string) => serviceReachable('Redis', TEST_REDIS_URL, 6379, what);
