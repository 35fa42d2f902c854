import type { Workspace } from '../../db/schema';
import type { BookingContext } from '../booking/context';
import type { ApiResponse, Router } from './http';

/** What the shared request pipeline needs to refuse a request before any handler runs. */
export type Problem = 'not_found' | 'method_not_allowed' | 'malformed_json' | 'too_large' | 'rate_limited';

export type DialectContext = { booking: BookingContext; workspace: Workspace | null };

/** One API dialect: its routes, the context its handlers get, and its own error shape. */
export type Dialect<C> = {
  prefix: string;
  router: Router<C>;
  /** The handlers' context, or null when the request needs a secret key it did not bring (→ 401). */
  context: (booking: BookingContext, workspace: Workspace | null) => C | null;
  bodyLimit: (path: string) => number;
  problem: (problem: Problem, message: string) => ApiResponse;
  internalError: () => ApiResponse;
};
