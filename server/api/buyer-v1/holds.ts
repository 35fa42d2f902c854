import { randomBytes } from 'node:crypto';
import {
  bookRequest,
  holdBestAvailableRequest,
  holdRequest,
  releaseRequest,
  type BookReply,
  type HeldPlace,
  type HoldReply,
  type ReleaseReply,
} from '../../../contracts/buyer-api';
import { BOOKED, FREE, HELD } from '../../../contracts/statuses';
import type { ChangeResult, ObjectRef, ObjectView, StatusChangeRequest } from '../../booking/change-status';
import { MAX_HOLD_MINUTES } from '../../booking/hold-tokens';
import type { ApiRequest, ApiResponse, Router } from '../router';
import type { BuyerContext, BuyerOptions } from './context';
import { changeRefused, eventNotFound, parse, problem } from './responses';

/** `/events/{key}/seats/{hold,book,release}`: a buyer's places, with the hold token as the credential. */
export function holdRoutes(router: Router<BuyerContext>, options: BuyerOptions): void {
  router
    .on('POST', '/events/:key/seats/hold', (req, c) => hold(req, c, options))
    .on('POST', '/events/:key/seats/book', (req, c) => book(req, c, options))
    .on('POST', '/events/:key/seats/release', (req, c) => release(req, c));
}

/** The event, looked up publicly; with a secret key, only in that key's workspace. */
function eventFor(c: BuyerContext, key: string) {
  return c.booking.findEvent(key, c.workspace?.id ?? null);
}

function objectRefs(labels: string[], quantities: Record<string, number> | undefined): ObjectRef[] {
  return labels.map((label) => ({ label, ...(quantities?.[label] ? { quantity: quantities[label] } : {}) }));
}

function heldPlace(view: ObjectView, quantity?: number): HeldPlace {
  return { objectLabel: view.object.label, objectType: view.object.type, ...(view.seat ? { status: view.seat.status } : { quantity: quantity ?? 1 }) };
}

function hold(req: ApiRequest, c: BuyerContext, options: BuyerOptions): ApiResponse {
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
  const body = best ? parse(holdBestAvailableRequest, req.body) : parse(holdRequest, req.body);
  if (!body.ok) return body.response;
  // Minted even when the request brings its token: minting checks the requested duration either way.
  const minted = c.booking.mintHoldToken(body.value.ttlSeconds !== undefined ? body.value.ttlSeconds / 60 : undefined);
  if (minted === 'too_long') return problem(400, 'Invalid request', { ttlSeconds: [`at most ${MAX_HOLD_MINUTES * 60} seconds`] });
  // A first hold creates its token in the same transaction: nothing is left behind when the hold fails.
  const fresh = body.value.holdToken ? undefined : minted;
  const token = body.value.holdToken ?? minted.token;
  const request = { kind: 'status' as const, status: HELD, holdToken: token };

  let result: ChangeResult;
  if ('bestAvailable' in body.value) {
    const { number, categories } = body.value.bestAvailable;
    const change = c.booking.changeBestAvailable(event.workspaceId, eventKey, { number, ...(categories ? { categories } : {}) }, request, fresh);
    if (change.result.ok && !change.pick) return problem(409, `Not enough adjacent free seats for ${number}`);
    result = change.result;
  } else {
    const objects = objectRefs(body.value.objectLabels, body.value.quantities);
    result = c.booking.changeObjectStatus(event.workspaceId, [{ ...request, eventKeys: [eventKey], objects }], fresh);
  }
  if (!result.ok) return changeRefused(result.failure, 'held');
  const quantities = 'quantities' in body.value ? body.value.quantities : undefined;
  const expiresAt = fresh?.expiresAt ?? expiryOf(c, event.workspaceId, token);
  const reply: HoldReply = {
    holdToken: token,
    expiresAt: new Date(expiresAt).toISOString(),
    held: result.results[0]!.map((v) => heldPlace(v, quantities?.[v.object.label])),
  };
  return { status: 200, body: reply };
}

/** When a token that has just held places expires. */
function expiryOf(c: BuyerContext, workspaceId: number, token: string): number {
  const found = c.booking.retrieveHoldToken(workspaceId, token);
  if (!found.ok) throw new Error('a hold token that has just held places is gone');
  return found.holdToken.expiresAt;
}

function newOrderId(): string {
  // 50 random bits in Crockford-like base32: short enough to read out on the phone, hard to guess.
  return `T-${randomBytes(8).readBigUInt64BE().toString(32).toUpperCase().slice(0, 10)}`;
}

function book(req: ApiRequest, c: BuyerContext, options: BuyerOptions): ApiResponse {
  if (!c.workspace && !options.publicCheckout) return { status: 401 };
  const eventKey = req.params.key!;
  const event = eventFor(c, eventKey);
  if (!event) return eventNotFound(eventKey);
  const body = parse(bookRequest, req.body);
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
  const result = c.booking.changeObjectStatus(event.workspaceId, [request]);
  if (!result.ok) return changeRefused(result.failure, 'booked');
  const bookedAt = new Date(c.booking.now()).toISOString();
  const reply: BookReply = {
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
  };
  return { status: 200, body: reply };
}

function release(req: ApiRequest, c: BuyerContext): ApiResponse {
  const eventKey = req.params.key!;
  const event = eventFor(c, eventKey);
  if (!event) return eventNotFound(eventKey);
  const body = parse(releaseRequest, req.body);
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
  const result = c.booking.changeObjectStatus(event.workspaceId, [request]);
  if (!result.ok) return changeRefused(result.failure, 'released');
  const reply: ReleaseReply = { released: result.results[0]!.map((v) => ({ objectLabel: v.object.label })) };
  return { status: 200, body: reply };
}
