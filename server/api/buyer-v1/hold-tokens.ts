import { extendRequest, type TokenReply } from '../../../contracts/buyer-api';
import type { ApiResponse, Router } from '../router';
import { callerOf, type BuyerContext } from './context';
import { parse, refused } from './responses';

/** `/hold-tokens/{token}`: what a live token holds (a reloaded page restores its selection), and extending it. */
export function holdTokenRoutes(router: Router<BuyerContext>): void {
  router
    .on('GET', '/hold-tokens/:token', (req, c) => tokenReply(c.booking.buyerToken(callerOf(c, req.client), req.params.token!)))
    .on('POST', '/hold-tokens/:token/extend', (req, c) => {
      const body = parse(extendRequest, req.body);
      if (!body.ok) return body.response;
      return tokenReply(c.booking.buyerExtend(callerOf(c, req.client), req.params.token!, body.value.ttlSeconds));
    });
}

function tokenReply(result: ReturnType<BuyerContext['booking']['buyerToken']>): ApiResponse {
  // A token's refusals never name an event.
  if (!result.ok) return refused(result.refusal, '', 'held');
  const { token } = result;
  const body: TokenReply = {
    holdToken: token.holdToken,
    expiresAt: new Date(token.expiresAt).toISOString(),
    held: token.held.map((h) => ({ eventKey: h.eventKey, objectLabel: h.label, quantity: h.quantity })),
  };
  return { status: 200, body };
}
