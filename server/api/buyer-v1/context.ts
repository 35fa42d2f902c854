import type { Booking, Workspace } from '../../booking/booking';
import type { Caller } from '../../booking/buyer';
import { z } from 'zod';
import type { PublicAddress } from '../../../contracts/buyer-api';
import type { ApiRequest } from '../router';
import type { RateLimiting } from '../rate-limit';

/** A buyer API request: anonymous (workspace null) unless it brings a secret key. */
export type BuyerContext = { booking: Booking; workspace: Workspace | null };

export type BuyerOptions = {
  /** Places requested per client and minute: buyers hold a seat per click, a script hammering holds is refused. */
  holdLimiter: RateLimiting;
  /** Places one anonymous client may hold per event, across its tokens. */
  placesPerClient: number;
  /** Origins besides the server's own whose pages may call the buyer API (an embedded chart's shop). */
  allowedOrigins: ReadonlySet<string>;
  /** Whether webhooks may go to loopback and private addresses (tests, closed networks). */
  webhookAllowPrivate: boolean;
};

/**
 * The caller as the booking layer knows it: the venue's workspace, or an anonymous buyer, their client and the
 * workspace they address (`?workspaceKey=`, the default one without).
 */
export function callerOf(c: BuyerContext, req: ApiRequest): Caller {
  return c.workspace ? { workspaceId: c.workspace.id } : { anonymousClient: req.client, workspaceKey: req.query.get('workspaceKey') ?? undefined };
}

/** For the API reference: how an anonymous buyer names the workspace of the event in the path. */
export const workspaceQuery = z.object({
  workspaceKey: z.string().optional().meta({
    description: "The public key of the event's workspace; the default workspace's events without it. Ignored with the secret key (its own workspace).",
  }),
});

/** How buyers address the event the request names: in the venue's workspace, or in the one the buyer names. */
export function addressOf(c: BuyerContext, req: ApiRequest): PublicAddress {
  const workspaceKey = c.workspace ? (c.workspace.isDefault ? undefined : c.workspace.key) : (req.query.get('workspaceKey') ?? undefined);
  return { eventKey: req.params.key!, workspaceKey };
}
