import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { changeBestAvailable } from '../../booking/best-available';
import { runChange, type ChangeResult, type NewHoldToken, type ObjectRef, type ObjectView, type StatusChangeRequest } from '../../booking/change-status';
import { findEvent, type EventHandle } from '../../booking/event-state';
import { extendHoldToken, isLive, newHoldToken, objectsHeldBy } from '../../booking/hold-tokens';
import { reasonMessages } from '../../booking/failures';
import { BOOKED, FREE, HELD } from '../../booking/status-rules';
import type { DialectContext } from '../dialect';
import type { RateLimiter } from '../rate-limit';
import { Router, type ApiRequest, type ApiResponse } from '../http';
import { conflict, isInvalidRequest, problem } from './errors';
import * as schemas from './schemas';

/**
 * The seat dialect, `/api/v1`: what a buyer's browser and simple integrations use. The hold token is the
 * buyer's credential: holding, releasing one's own holds and reading one's token need no secret key.
 */

export type SeatOptions = {
  /** Whether a buyer may book held seats with the hold token alone (the built-in storefront). */
  publicCheckout: boolean;
  /** Hold time when the request names none. */
  defaultTtlSeconds: number;
  /** Hold requests per client: buyers hold one seat per click, a script hammering holds is refused. */
  holdLimiter: RateLimiter;
};

type Parsed<T> = { ok: true; value: T } | { ok: false; response: ApiResponse };

function parse<S extends z.ZodType>(schema: S, value: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, response: problem(400, 'Invalid request', schemas.fieldErrors(result.error)) };
}

/** The event, looked up publicly; with a secret key, only in that key's workspace. */
function eventFor(c: DialectContext, key: string): EventHandle | undefined {
  return findEvent(c.booking, key, c.workspace?.id ?? null);
}

const eventNotFound = (key: string) => problem(404, `Event not found: ${key}`);

function objectRefs(labels: string[], quantities: Record<string, number> | undefined): ObjectRef[] {
  return labels.map((label) => ({ label, ...(quantities?.[label] ? { quantity: quantities[label] } : {}) }));
}

function placeJson(view: ObjectView, quantity?: number) {
  return { objectLabel: view.object.label, objectType: view.object.type, ...(view.seat ? { status: view.seat.status } : { quantity: quantity ?? 1 }) };
}

/** A refused change: 404 for an unknown event, 400 when the request names things that do not exist, else 409. */
function failure(result: Extract<ChangeResult, { ok: false }>, action: string, eventKey: string): ApiResponse {
  if (result.failure.kind === 'event_not_found') return eventNotFound(eventKey);
  const { failures } = result.failure;
  if (isInvalidRequest(failures)) return problem(400, 'Invalid request', { objectLabels: failures.map((f) => `${f.label}: ${reasonMessages[f.reason]}`) });
  return conflict(`Some objects could not be ${action}`, failures);
}

function hold(req: ApiRequest, c: DialectContext, options: SeatOptions): ApiResponse {
  const allowed = c.workspace ? { ok: true as const } : options.holdLimiter.take(req.clientIp);
  if (!allowed.ok) {
    return {
      ...problem(429, `Too many hold requests. Try again in ${allowed.retryAfterSeconds} s.`),
      headers: { 'retry-after': String(allowed.retryAfterSeconds) },
    };
  }
  const eventKey = req.params.key!;
  const event = eventFor(c, eventKey);
  if (!event) return eventNotFound(eventKey);
  const best = typeof req.body === 'object' && req.body !== null && 'bestAvailable' in req.body;
  const body = best ? parse(schemas.holdBestAvailableBody, req.body) : parse(schemas.holdBody, req.body);
  if (!body.ok) return body.response;
  const ttlSeconds = body.value.ttlSeconds ?? options.defaultTtlSeconds;
  const fresh: NewHoldToken | undefined = body.value.holdToken ? undefined : { token: newHoldToken(), expiresAt: c.booking.now() + ttlSeconds * 1000 };
  const token = body.value.holdToken ?? fresh!.token;
  const request = { kind: 'status' as const, status: HELD, holdToken: token };
  const runOptions = { origin: 'API_CALL' as const, ...(fresh ? { newHoldToken: fresh } : {}) };

  let result: ChangeResult;
  if ('bestAvailable' in body.value) {
    const { number, categories } = body.value.bestAvailable;
    const change = changeBestAvailable(c.booking, event.workspaceId, eventKey, { number, ...(categories ? { categories } : {}) }, request, runOptions);
    if (change.result.ok && !change.pick) return problem(409, `Not enough adjacent free seats for ${number}`);
    result = change.result;
  } else {
    const refs = objectRefs(body.value.objectLabels, body.value.quantities);
    result = runChange(c.booking, event.workspaceId, () => [{ ...request, eventKeys: [eventKey], objects: refs }], runOptions);
  }
  if (!result.ok) return failure(result, 'held', eventKey);
  const quantities = 'quantities' in body.value ? body.value.quantities : undefined;
  const expiresAt = fresh?.expiresAt ?? c.booking.statements.holdToken.get({ token })!.expiresAt;
  return {
    status: 200,
    body: { holdToken: token, expiresAt: new Date(expiresAt).toISOString(), held: result.results[0]!.map((v) => placeJson(v, quantities?.[v.object.label])) },
  };
}

function newOrderId(): string {
  // 50 random bits in Crockford-like base32: short enough to read out on the phone, hard to guess.
  return `T-${randomBytes(8).readBigUInt64BE().toString(32).toUpperCase().slice(0, 10)}`;
}

function book(req: ApiRequest, c: DialectContext, options: SeatOptions): ApiResponse {
  if (!c.workspace && !options.publicCheckout) return { status: 401 };
  const eventKey = req.params.key!;
  const event = eventFor(c, eventKey);
  if (!event) return eventNotFound(eventKey);
  const body = parse(schemas.bookBody, req.body);
  if (!body.ok) return body.response;
  const { objectLabels, quantities, holdToken, extraData } = body.value;
  const orderId = body.value.orderId ?? newOrderId();
  const request: StatusChangeRequest = {
    eventKeys: [eventKey],
    objects: objectRefs(objectLabels, quantities).map((ref) => ({ ...ref, ...(extraData ? { extraData } : {}) })),
    kind: 'status',
    status: BOOKED,
    holdToken,
    orderId,
  };
  const result = runChange(c.booking, event.workspaceId, () => [request], { origin: 'API_CALL' });
  if (!result.ok) return failure(result, 'booked', eventKey);
  const bookedAt = new Date(c.booking.now()).toISOString();
  return {
    status: 200,
    body: {
      orderId,
      booked: result.results[0]!.map((v) => ({
        chartKey: v.chart.key,
        eventKey,
        objectLabel: v.object.label,
        status: BOOKED,
        bookedAt,
        extraData: extraData ?? null,
        ...(v.ga ? { quantity: quantities?.[v.object.label] ?? 1 } : {}),
      })),
    },
  };
}

function release(req: ApiRequest, c: DialectContext): ApiResponse {
  const eventKey = req.params.key!;
  const event = eventFor(c, eventKey);
  if (!event) return eventNotFound(eventKey);
  const body = parse(schemas.releaseBody, req.body);
  if (!body.ok) return body.response;
  // Without a hold token only the venue (secret key) may release, e.g. a booked seat.
  if (!body.value.holdToken && !c.workspace) return { status: 401 };
  const request: StatusChangeRequest = {
    eventKeys: [eventKey],
    objects: objectRefs(body.value.objectLabels, body.value.quantities),
    kind: 'release',
    status: FREE,
    holdToken: body.value.holdToken ?? null,
  };
  const result = runChange(c.booking, event.workspaceId, () => [request], { origin: 'API_CALL' });
  if (!result.ok) return failure(result, 'released', eventKey);
  return { status: 200, body: { released: result.results[0]!.map((v) => ({ objectLabel: v.object.label })) } };
}

function holdTokenJson(c: DialectContext, token: string): ApiResponse {
  const row = c.booking.statements.holdToken.get({ token });
  if (!row || !isLive(row, c.booking.now())) return problem(404, 'Hold token not found or expired');
  return {
    status: 200,
    body: {
      holdToken: token,
      expiresAt: new Date(row.expiresAt).toISOString(),
      held: objectsHeldBy(c.booking, token).map((h) => ({ eventKey: h.eventKey, objectLabel: h.label, quantity: h.quantity })),
    },
  };
}

export function seatRoutes(options: SeatOptions): Router<DialectContext> {
  return new Router<DialectContext>()
    .on('GET', '/health', () => ({ status: 200, body: { ok: true } }))
    .on('POST', '/events/:key/seats/hold', (req, c) => hold(req, c, options))
    .on('POST', '/events/:key/seats/book', (req, c) => book(req, c, options))
    .on('POST', '/events/:key/seats/release', (req, c) => release(req, c))
    .on('GET', '/hold-tokens/:token', (req, c) => holdTokenJson(c, req.params.token!))
    .on('POST', '/hold-tokens/:token/extend', (req, c) => {
      const body = parse(schemas.extendBody, req.body);
      if (!body.ok) return body.response;
      const token = req.params.token!;
      const row = c.booking.statements.holdToken.get({ token });
      if (!row) return problem(404, 'Hold token not found or expired');
      const result = extendHoldToken(c.booking, row.workspaceId, token, body.value.ttlSeconds / 60);
      if (!result.ok)
        return result.reason === 'too_long'
          ? problem(400, 'A hold lasts at most 2 hours', { ttlSeconds: ['too long'] })
          : problem(404, 'Hold token not found or expired');
      return holdTokenJson(c, token);
    });
}
