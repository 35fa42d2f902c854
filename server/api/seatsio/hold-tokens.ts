import { MAX_HOLD_MINUTES } from '../../../contracts/sales';
import type { HoldTokenResult } from '../../booking/hold-tokens';
import type { Router } from '../router';
import type { SeatsioContext } from './context';
import { holdTokenReply } from './replies';
import { error, ok, parse } from './responses';
import * as schemas from './schemas';

/** `/hold-tokens`: create, retrieve and extend, as `{holdToken, expiresAt, expiresInSeconds, workspaceKey}`. */
export function holdTokenRoutes(router: Router<SeatsioContext>): void {
  router
    .on(
      'POST',
      '/hold-tokens',
      async (req, c) => {
        const body = parse(schemas.holdTokenBody, req.body);
        if (!body.ok) return body.response;
        return holdTokenResponse(c, await c.booking.createHoldToken(c.workspace.id, body.value?.expiresInMinutes), '');
      },
      {
        summary: 'Create a hold token',
        description: 'Lives `expiresInMinutes` (default 15, at most 120).',
        access: 'secretKey',
        body: schemas.holdTokenBody,
        responses: { 200: { description: 'The token', schema: holdTokenReply } },
      },
    )
    .on(
      'GET',
      '/hold-tokens/:token',
      async (req, c) => holdTokenResponse(c, await c.booking.retrieveHoldToken(c.workspace.id, req.params.token!), req.params.token!),
      {
        summary: 'A hold token',
        access: 'secretKey',
        responses: { 200: { description: 'The token', schema: holdTokenReply } },
      },
    )
    .on(
      'POST',
      '/hold-tokens/:token',
      async (req, c) => {
        const body = parse(schemas.extendHoldTokenBody, req.body);
        if (!body.ok) return body.response;
        return holdTokenResponse(
          c,
          await c.booking.extendHoldToken({ workspaceId: c.workspace.id }, req.params.token!, body.value.expiresInMinutes),
          req.params.token!,
        );
      },
      {
        summary: 'Extend a hold token',
        description: 'Makes it expire `expiresInMinutes` from now.',
        access: 'secretKey',
        body: schemas.extendHoldTokenBody,
        responses: { 200: { description: 'The token', schema: holdTokenReply } },
      },
    );
}

function holdTokenResponse(c: SeatsioContext, result: HoldTokenResult, token: string) {
  if (!result.ok) {
    if (result.reason === 'not_found') return error('HOLD_TOKEN_NOT_FOUND', `Hold token not found: ${token}`);
    if (result.reason === 'expired') return error('HOLD_TOKEN_EXPIRED', `Hold token has expired: ${token}`);
    return error('HOLD_TOKEN_TOO_LONG', `A hold token can live at most ${MAX_HOLD_MINUTES} minutes`);
  }
  const { holdToken } = result;
  return ok({
    holdToken: holdToken.token,
    expiresAt: new Date(holdToken.expiresAt).toISOString(),
    expiresInSeconds: Math.max(0, Math.floor((holdToken.expiresAt - c.booking.now()) / 1000)),
    workspaceKey: c.workspace.key,
  });
}
