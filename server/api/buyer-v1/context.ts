import type { Booking, Workspace } from '../../booking/booking';
import type { RateLimiter } from '../rate-limit';

/** A buyer API request: anonymous (workspace null) unless it brings a secret key. */
export type BuyerContext = { booking: Booking; workspace: Workspace | null };

export type BuyerOptions = {
  /** Whether a buyer may book held seats with the hold token alone (the built-in storefront). */
  publicCheckout: boolean;
  /** Hold requests per client: buyers hold one seat per click, a script hammering holds is refused. */
  holdLimiter: RateLimiter;
};
