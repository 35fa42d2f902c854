import { serviceReachable } from './reachable';

/** The PostgreSQL the scale-out tests use: TEST_POSTGRES_URL, or the one on these machines (CI starts it). */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether PostgreSQL answers at TEST_POSTGRES_URL; when not, says that the tests needing it are skipped, and why. */
export const postgresReachable = (what: string) => serviceReachable('PostgreSQL', TEST_POSTGRES_URL, 5432, what);
