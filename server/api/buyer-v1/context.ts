import type { Booking, Workspace } from '../../booking/booking';
import type { Caller } from '../../booking/buyer';
import type { RateLimiter } from '../rate-limit';

/** A buyer API request: anonymous (workspace null) unless it brings a secret key. */
export type BuyerContext = { booking: Booking; workspace: Workspace | null };

export type BuyerOptions = {
  /** Hold requests per client: buyers hold one seat per click, a script hammering holds is refused. */
  holdLimiter: RateLimiter;
  /** Origins besides the server's own whose pages may call the buyer API (an embedded chart's shop). */
  allowedOrigins: ReadonlySet<string>;
};

/** The caller as the booking layer knows it: the venue's workspace, or an anonymous buyer. */
export function callerOf(c: BuyerContext): Caller {
  return c.workspace ? { workspaceId: c.workspace.id } : 'anonymous';
}
