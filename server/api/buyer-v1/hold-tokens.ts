import { extendRequest, tokenReply, type TokenReply } from '../../../contracts/buyer-api';
import type { ApiResponse, Router } from '../router';
import { callerOf, type BuyerContext } from './context';
import { parse, refused } from './responses';

/** `/hold-tokens/{token}`: what a live token holds (a reloaded page restores its selection), and extending it. */
export function holdTokenRoutes(router: Router<BuyerContext>): void {
  router
    .on('GET', '/hold-tokens/:token', async (req, c) => replyWith(await c.booking.buyerToken(callerOf(c, req), req.params.token!)), {
      summary: 'What a hold token holds',
      description: "A buyer's token, or (secret key) one of the workspace's: its expiry and its places in every event. 404 once it has expired.",
      access: 'anyoneOrSecretKey',
      responses: { 200: { description: 'The live token', schema: tokenReply } },
    })
    .on(
      'POST',
      '/hold-tokens/:token/extend',
      async (req, c) => {
        const body = parse(extendRequest, req.body);
        if (!body.ok) return body.response;
        return replyWith(await c.booking.buyerExtend(callerOf(c, req), req.params.token!, body.value.ttlSeconds));
      },
      {
        summary: 'Extend a hold',
        description: "Makes the token last `ttlSeconds` from now: for a buyer only longer, and within the event's maximum hold duration in all.",
        access: 'anyoneOrSecretKey',
        body: extendRequest,
        responses: { 200: { description: 'The extended token', schema: tokenReply } },
      },
    );
}

function replyWith(result: Awaited<ReturnType<BuyerContext['booking']['buyerToken']>>): ApiResponse {
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
