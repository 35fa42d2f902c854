import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Db } from '../db/client';
import type { Workspace } from '../db/schema';
import { createApiHandler } from './api/handle-api';
import { RateLimiter, type RateLimit } from './api/rate-limit';
import { createBookingContext, type BookingContext } from './booking/context';
import { expireHolds } from './booking/expire-holds';
import { DEFAULT_HOLD_MINUTES } from './booking/hold-tokens';
import { ensureDefaultWorkspace } from './booking/workspaces';
import { ChangeFeed } from './realtime/change-feed';
import { roomOf } from './realtime/contract';
import { createRealtimeServer, type RealtimeServer } from './realtime/socket-server';

export type PageHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export type ApplicationOptions = {
  db: Db;
  now?: () => number;
  secretKey?: string;
  publicKey?: string;
  /** Serves everything that is not `/api` or `/socket.io` (Next in production; absent in API tests). */
  pages?: PageHandler;
  /** How often the hold-expiry sweeper runs. */
  sweepIntervalMs?: number;
  /** Seat dialect: may buyers book their held seats with the hold token alone? (The built-in storefront.) */
  publicCheckout?: boolean;
  /** Public hold requests per client IP. */
  holdRateLimit?: RateLimit;
};

const DEFAULT_HOLD_RATE_LIMIT: RateLimit = { perMinute: 120, burst: 30 };

export type Application = {
  httpServer: Server;
  io: RealtimeServer;
  booking: BookingContext;
  defaultWorkspace: Workspace;
  createdDefaultWorkspace: boolean;
  listen: (port: number, host?: string) => Promise<number>;
  close: () => Promise<void>;
};

/** The composition root: one HTTP server with the API, Socket.IO, the pages and the hold-expiry sweeper. */
export function createApplication(options: ApplicationOptions): Application {
  const { db } = options;
  const { workspace: defaultWorkspace, created } = ensureDefaultWorkspace(db, { secretKey: options.secretKey, publicKey: options.publicKey });
  let feed: ChangeFeed | undefined;
  const booking = createBookingContext({ db, now: options.now ?? Date.now, onCommit: (batches) => feed?.publish(batches) });
  const handleApi = createApiHandler(booking, {
    publicCheckout: options.publicCheckout ?? true,
    defaultTtlSeconds: DEFAULT_HOLD_MINUTES * 60,
    holdLimiter: new RateLimiter(options.holdRateLimit ?? DEFAULT_HOLD_RATE_LIMIT, options.now ?? Date.now),
  });

  const httpServer = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return void handleApi(req, res, url);
    if (options.pages) return void options.pages(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });
  const io = createRealtimeServer(httpServer, booking);
  feed = new ChangeFeed((message) => io.to(roomOf(message.eventKey)).emit('objects:changed', message));

  // Expired holds are released within a second; run once at start for tokens that expired while we were down.
  const sweep = () => {
    try {
      expireHolds(booking);
    } catch (cause) {
      console.error('hold expiry failed', cause);
    }
  };
  sweep();
  const sweeper = setInterval(sweep, options.sweepIntervalMs ?? 250);
  sweeper.unref();

  return {
    httpServer,
    io,
    booking,
    defaultWorkspace,
    createdDefaultWorkspace: created,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      clearInterval(sweeper);
      feed?.flush();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
