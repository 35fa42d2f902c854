import { extendRequest, type TokenReply } from '../../../contracts/buyer-api';
import { MAX_HOLD_MINUTES } from '../../booking/hold-tokens';
import type { ApiResponse, Router } from '../router';
import type { BuyerContext } from './context';
import { holdTokenNotFound, parse, problem } from './responses';

/** `/hold-tokens/{token}`: what a live token holds (a reloaded page restores its selection), and extending it. */
export function holdTokenRoutes(router: Router<BuyerContext>): void {
  router
    .on('GET', '/hold-tokens/:token', (req, c) => tokenReply(c, req.params.token!))
    .on('POST', '/hold-tokens/:token/extend', (req, c) => {
      const body = parse(extendRequest, req.body);
      if (!body.ok) return body.response;
      // The token is the credential: it is extended in whichever workspace it belongs to.
      const result = c.booking.extendHoldToken(null, req.params.token!, body.value.ttlSeconds / 60);
      if (result.ok) return tokenReply(c, req.params.token!);
      if (result.reason === 'too_long') return problem(400, `A hold lasts at most ${MAX_HOLD_MINUTES / 60} hours`, { ttlSeconds: ['too long'] });
      return holdTokenNotFound();
    });
}

function tokenReply(c: BuyerContext, token: string): ApiResponse {
  const checked = c.booking.checkHoldToken(token, null);
  if (!checked.ok) return holdTokenNotFound();
  const body: TokenReply = {
    holdToken: token,
    expiresAt: new Date(checked.holdToken.expiresAt).toISOString(),
    held: c.booking.objectsHeldBy(token).map((h) => ({ eventKey: h.eventKey, objectLabel: h.label, quantity: h.quantity })),
  };
  return { status: 200, body };
}
