import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Durability } from './booking/booking';
import { CHART_JS_PATH, serveChartJs } from './chart-js';
import { buyerDialect } from './api/buyer-v1/dialect';
import { createApiHandler, serveDialect } from './api/pipeline';
import type { TrustProxy } from './api/client-address';
import { RateLimiter, type RateLimit, type RateLimiting } from './api/rate-limit';
import { RedisRateLimiter } from './api/redis-rate-limit';
import { connectRedis, type RedisConnection } from './redis';
import { manageDialect } from './api/manage/dialect';
import { seatsioDialect } from './api/seatsio/dialect';
import { connectBooking, type Booking, type Workspace } from './booking/booking';
import { ChangeFeed } from './realtime/change-feed';
import { broadcastThroughRedis } from './realtime/redis-broadcast';
import { WebhookDispatcher } from './webhooks/dispatcher';
import { documented, serveOpenApi } from './openapi/serve';
import packageJson from '../package.json' with { type: 'json' };
import { createRealtimeServer, manageRoomOf, OVERVIEW_ROOM, roomOf, type RealtimeServer } from './realtime/socket-server';

export type PageHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export type ApplicationOptions = {
  /** `postgres://…` (several instances may share it), or SQLite's: `file:./data/tessera.db`, a plain path, or `:memory:`. */
  databaseUrl: string;
  /** What an acknowledged commit survives: a power loss (the default) or only a process crash. */
  durability?: Durability;
  now?: () => number;
  secretKey?: string;
  publicKey?: string;
  /** Serves everything that is not `/api` or `/socket.io` (Next in production; absent in API tests). */
  pages?: PageHandler;
  /** How often the hold-expiry sweeper runs. */
  sweepIntervalMs?: number;
  /** Places anonymous clients may ask to hold per minute, and at once. */
  holdRateLimit?: RateLimit;
  /** Places one anonymous client may hold per event, across its tokens. */
  placesPerClient?: number;
  /** Which proxies' X-Forwarded-For to believe (none by default). */
  trustProxy?: TrustProxy;
  /** Origins besides the server's own whose pages may call the buyer API. */
  allowedOrigins?: string[];
  /** Whether webhooks may go to loopback and private addresses (off by default). */
  webhookAllowPrivate?: boolean;
  /** Where the built `/chart.js` is (scripts/build-chart-js.mjs); `.next/chart-js` unless given. */
  chartJsDir?: string;
  /** `redis://…`: broadcasts go through Redis to every instance's sockets (several instances behind a balancer). */
  redisUrl?: string;
};

const packageVersion = packageJson.version;
/** The public API reference, generated from the routers; `/docs/api` shows it. */
export const OPENAPI_PATH = '/api/openapi.json';

const DEFAULT_HOLD_RATE_LIMIT: RateLimit = { perMinute: 120, burst: 30 };
/** Generous: several buyers behind one address (a family, an office) still fit. */
const DEFAULT_PLACES_PER_CLIENT = 50;

export type Application = {
  httpServer: Server;
  io: RealtimeServer;
  booking: Booking;
  defaultWorkspace: Workspace;
  createdDefaultWorkspace: boolean;
  listen: (port: number, host?: string) => Promise<number>;
  /** Stops the sweeper, sends what the change feed holds, closes sockets, the server and the database. */
  close: () => Promise<void>;
};

/** The composition root: one HTTP server with the API, Socket.IO, the pages and the hold-expiry sweeper. */
export async function createApplication(options: ApplicationOptions): Promise<Application> {
  const now = options.now ?? Date.now;
  let feed: ChangeFeed | undefined;
  const booking = await connectBooking({
    databaseUrl: options.databaseUrl,
    now,
    onCommit: (batches) => feed?.publish(batches),
    ...(options.durability ? { durability: options.durability } : {}),
  });
  const { workspace: defaultWorkspace, created } = await booking.ensureDefaultWorkspace({ secretKey: options.secretKey, publicKey: options.publicKey });
  const trustProxy = options.trustProxy ?? { kind: 'none' };
  const allowedOrigins = new Set(options.allowedOrigins);
  const holdRateLimit = options.holdRateLimit ?? DEFAULT_HOLD_RATE_LIMIT;
  const localLimiter = new RateLimiter(holdRateLimit, now);
  // The hold rate limit's buckets: this process's, until listen() connects to Redis (REDIS_URL) and every instance shares them.
  let sharedLimiter: RateLimiting | undefined;
  const buyer = buyerDialect({
    holdLimiter: { take: (client, cost) => (sharedLimiter ?? localLimiter).take(client, cost) },
    placesPerClient: options.placesPerClient ?? DEFAULT_PLACES_PER_CLIENT,
    allowedOrigins,
    webhookAllowPrivate: options.webhookAllowPrivate ?? false,
  });
  const manage = manageDialect({
    defaultWorkspaceId: defaultWorkspace.id,
    now,
    secretKeyFromEnvironment: options.secretKey !== undefined,
    webhookAllowPrivate: options.webhookAllowPrivate ?? false,
  });
  const seatsio = seatsioDialect();
  const handleApi = createApiHandler([
    serveDialect(booking, buyer, trustProxy),
    serveDialect(booking, manage, trustProxy),
    serveDialect(booking, seatsio, trustProxy),
  ]);
  const chartJs = serveChartJs(options.chartJsDir ?? fileURLToPath(new URL('../.next/chart-js', import.meta.url)));
  const openApi = serveOpenApi([...documented(seatsio), ...documented(buyer)], packageVersion);

  const httpServer = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === OPENAPI_PATH) return openApi(req, res);
    if (CHART_JS_PATH.test(url.pathname) && (req.method === 'GET' || req.method === 'HEAD')) return void chartJs(req, res, url.pathname);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return void handleApi(req, res, url);
    if (options.pages) return void options.pages(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });
  const io = createRealtimeServer(httpServer, { booking, organiserWorkspaceId: defaultWorkspace.id, allowedOrigins });
  feed = new ChangeFeed(({ eventId, eventKey, fromSeq, toSeq, changes, entries }) => {
    io.to(roomOf(eventId)).emit('objects:changed', { eventKey, fromSeq, toSeq, changes });
    io.to(manageRoomOf(eventId)).emit('activity:added', { eventKey, fromSeq, toSeq, entries });
    io.to(OVERVIEW_ROOM).emit('overview:changed');
  });

  // Expired holds are released within a second; run once at start for tokens that expired while we were down.
  // One sweep at a time: on PostgreSQL one can outlast the interval.
  let sweeping: Promise<void> | undefined;
  const sweep = () => {
    sweeping ??= (async () => {
      try {
        await booking.expireHolds();
      } catch (cause) {
        console.error('hold expiry failed', cause);
      } finally {
        sweeping = undefined;
      }
    })();
    return sweeping;
  };
  await sweep();
  const sweeper = setInterval(sweep, options.sweepIntervalMs ?? 250);
  sweeper.unref();
  const webhooks = new WebhookDispatcher(booking, { allowPrivate: options.webhookAllowPrivate ?? false });
  webhooks.start();
  let redis: RedisConnection | undefined;

  return {
    httpServer,
    io,
    booking,
    defaultWorkspace,
    createdDefaultWorkspace: created,
    listen: async (port, host = '127.0.0.1') => {
      // Connected before the first request: no broadcast may stay on this instance alone, no bucket be its own.
      if (options.redisUrl) {
        redis = await connectRedis(options.redisUrl);
        broadcastThroughRedis(io, redis);
        sharedLimiter = new RedisRateLimiter(holdRateLimit, redis.client, now);
      }
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    close: async () => {
      clearInterval(sweeper);
      await sweeping;
      await webhooks.stop();
      feed?.flush();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await booking.close();
      // Last: a request still under way until the database closed may have committed a change to broadcast.
      await redis?.close();
    },
  };
}
