import type { Booking, Workspace } from '../../booking/booking';
import type { Caller } from '../../booking/buyer';
import type { RateLimiter } from '../rate-limit';

/** A buyer API request: anonymous (workspace null) unless it brings a secret key. */
export type BuyerContext = { booking: Booking; workspace: Workspace | null };

export type BuyerOptions = {
  /** Places requested per client and minute: buyers hold a seat per click, a script hammering holds is refused. */
  holdLimiter: RateLimiter;
  /** Places one anonymous client may hold per event, across its tokens. */
  placesPerClient: number;
  /** Origins besides the server's own whose pages may call the buyer API (an embedded chart's shop). */
  allowedOrigins: ReadonlySet<string>;
  /** Whether webhooks may go to loopback and private addresses (tests, closed networks). */
  webhookAllowPrivate: boolean;
};

/** The caller as the booking layer knows it: the venue's workspace, or an anonymous buyer and their client. */
export function callerOf(c: BuyerContext, client: string): Caller {
  return c.workspace ? { workspaceId: c.workspace.id } : { anonymousClient: client };
}
