import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  bookReply,
  channelPlacesReply,
  conflictReply,
  eventPagePath,
  holdBestAvailableRequest,
  holdReply,
  releaseReply,
  holdRequest,
  releaseRequest,
  sessionReply,
  startSessionRequest,
  venueBookRequest,
  type BookReply,
  type ChannelPlaces,
  type HeldPlace,
  type HoldReply,
  type ReleaseReply,
  type SessionReply,
} from '../../../contracts/buyer-api';
import { BOOKED } from '../../../contracts/statuses';
import type { ObjectRef, ObjectView } from '../../booking/change-status';
import type { ApiRequest, ApiResponse, Router } from '../router';
import { addressOf, callerOf, workspaceQuery, type BuyerContext, type BuyerOptions } from './context';
import { problem } from '../problems';
import { parse, refused } from './responses';

/** `/events/{key}/seats/{hold,book,release}`: a buyer's places, with the hold token as the credential. */
export function holdRoutes(router: Router<BuyerContext>, options: BuyerOptions): void {
  const conflict = (description: string) => ({ description, schema: conflictReply });
  router
    .on('POST', '/events/:key/seats/hold', (req, c) => hold(req, c, options), {
      summary: 'Hold places',
      description:
        "Holds seats, tables, booths and places in standing areas (`quantities`), or the best available adjacent seats, under a new hold token or one the buyer has. Without the secret key: limited per client and per event (429 with `Retry-After`), for at most the event's hold duration (`ttlSeconds` defaults to it, 900 unless the venue set another).",
      access: 'anyoneOrSecretKey',
      query: workspaceQuery,
      body: z.union([holdRequest, holdBestAvailableRequest]),
      responses: { 200: { description: 'Held, all of them', schema: holdReply }, 409: conflict('Some places are taken: none is held') },
    })
    .on('GET', '/events/:key/channels/:channelKey', (req, c) => channelPlaces(req, c, options), {
      summary: 'The places a sales channel keeps',
      description:
        "What a channel's key unlocks: its places, which a buyer who names the key in `channelKeys` may hold. 404 for a key the event has no channel for. Without the secret key each look-up is charged as one place to the client's hold rate limit, so keys cannot be guessed quickly.",
      access: 'anyoneOrSecretKey',
      query: workspaceQuery,
      responses: { 200: { description: "The channel's places", schema: channelPlacesReply } },
    })
    .on('POST', '/events/:key/hold-tokens', (req, c) => startSession(req, c, options), {
      summary: 'Start a session',
      description:
        "A new hold token for the event that holds nothing yet, for a page that shows the token before the buyer chooses (an embedded chart's `start` session). Without the secret key: bound to the event and the client, charged as one place to the client's hold rate limit, lasting at most the event's hold time; with it, a token of the workspace.",
      access: 'anyoneOrSecretKey',
      query: workspaceQuery,
      body: startSessionRequest,
      responses: { 201: { description: 'The new token', schema: sessionReply } },
    })
    .on('POST', '/events/:key/seats/book', (req, c) => book(req, c), {
      summary: 'Book held places',
      description:
        "Books what the hold token holds. A buyer alone books only on `reservation` events (403 on the venue's `handoff` events); the venue (secret key) books in any mode and may name the order and attach extra data.",
      access: 'anyoneOrSecretKey',
      query: workspaceQuery,
      body: venueBookRequest,
      responses: {
        200: { description: 'Booked, all of them', schema: bookReply },
        409: conflict('The token no longer holds some of the places: none is booked'),
      },
    })
    .on('POST', '/events/:key/seats/release', (req, c) => release(req, c), {
      summary: 'Release places',
      description: 'Frees places held by the token, or (secret key) booked places, all or nothing. Without a token only the secret key may release.',
      access: 'anyoneOrSecretKey',
      query: workspaceQuery,
      body: releaseRequest,
      responses: {
        200: { description: 'Released, all of them', schema: releaseReply },
        409: conflict('Some places are neither held nor booked: none is released'),
      },
    });
}

function objectRefs(labels: string[], quantities: Record<string, number> | undefined, ticketTypes?: Record<string, string>): ObjectRef[] {
  return labels.map((label) => ({
    label,
    ...(quantities?.[label] ? { quantity: quantities[label] } : {}),
    ...(ticketTypes && Object.hasOwn(ticketTypes, label) ? { ticketType: ticketTypes[label] } : {}),
  }));
}

function heldPlace(view: ObjectView, quantity?: number): HeldPlace {
  return { objectLabel: view.object.label, objectType: view.object.type, ...(view.seat ? { status: view.seat.status } : { quantity: quantity ?? 1 }) };
}

/** What a hold request costs a client's rate limit: the places it asks for (a refused request costs one). */
function placesAsked(body: ReturnType<typeof parseHold>): number {
  if (!body.ok) return 1;
  if ('bestAvailable' in body.value) return body.value.bestAvailable.number;
  const { objectLabels, quantities } = body.value;
  return objectLabels.reduce((n, label) => n + (quantities?.[label] ?? 1), 0);
}

function parseHold(body: unknown) {
  const best = typeof body === 'object' && body !== null && 'bestAvailable' in body;
  return best ? parse(holdBestAvailableRequest, body) : parse(holdRequest, body);
}

/** Charges an anonymous client's hold rate limit `places`; the 429 to answer when it is spent. */
async function overLimit(req: ApiRequest, c: BuyerContext, options: BuyerOptions, places: number): Promise<ApiResponse | undefined> {
  const allowed = c.workspace ? { ok: true as const } : await options.holdLimiter.take(req.client, places);
  if (allowed.ok) return undefined;
  return {
    ...problem(429, `Too many hold requests. Try again in ${allowed.retryAfterSeconds} s.`),
    headers: { 'retry-after': String(allowed.retryAfterSeconds) },
  };
}

async function channelPlaces(req: ApiRequest, c: BuyerContext, options: BuyerOptions): Promise<ApiResponse> {
  const limited = await overLimit(req, c, options, 1);
  if (limited) return limited;
  const { key, channelKey } = req.params as { key: string; channelKey: string };
  const objects = await c.booking.channelPlaces(addressOf(c, req), channelKey);
  if (!objects) return problem(404, `No such channel at event ${key}`);
  const reply: ChannelPlaces = { key: channelKey, objects };
  return { status: 200, body: reply, headers: { 'cache-control': 'no-cache' } };
}

async function startSession(req: ApiRequest, c: BuyerContext, options: BuyerOptions): Promise<ApiResponse> {
  // A token costs what holding one place costs, unknown events and invalid requests included.
  const limited = await overLimit(req, c, options, 1);
  if (limited) return limited;
  const body = parse(startSessionRequest, req.body ?? {});
  if (!body.ok) return body.response;
  const eventKey = req.params.key!;
  const result = await c.booking.buyerStartSession(callerOf(c, req), eventKey, body.value.ttlSeconds);
  if (!result.ok) return refused(result.refusal, eventKey, 'held');
  const reply: SessionReply = { holdToken: result.holdToken, expiresAt: new Date(result.expiresAt).toISOString() };
  return { status: 201, body: reply };
}

async function hold(req: ApiRequest, c: BuyerContext, options: BuyerOptions): Promise<ApiResponse> {
  const body = parseHold(req.body);
  // Charged before anything else, unknown events and invalid requests included.
  const limited = await overLimit(req, c, options, placesAsked(body));
  if (limited) return limited;
  if (!body.ok) return body.response;
  const eventKey = req.params.key!;
  const { holdToken, ttlSeconds, channelKeys } = body.value;
  const what = {
    ...('bestAvailable' in body.value ? { bestAvailable: body.value.bestAvailable } : { objects: objectRefs(body.value.objectLabels, body.value.quantities) }),
    ...(channelKeys ? { channelKeys } : {}),
  };
  const token = { ...(holdToken ? { holdToken } : {}), ...(ttlSeconds !== undefined ? { ttlSeconds } : {}) };
  // In the commit of this turn's changes (Booking.grouped): an on-sale's holds arrive many to a turn.
  const result = await c.booking.grouped(() => c.booking.buyerHold(callerOf(c, req), eventKey, what, token, { placesPerClient: options.placesPerClient }));
  if (!result.ok) return refused(result.refusal, eventKey, 'held');
  const quantities = 'quantities' in body.value ? body.value.quantities : undefined;
  const reply: HoldReply = {
    holdToken: result.hold.holdToken,
    expiresAt: new Date(result.hold.expiresAt).toISOString(),
    held: result.hold.held.map((v) => heldPlace(v, quantities?.[v.object.label])),
  };
  return { status: 200, body: reply };
}

function newOrderId(): string {
  // 50 random bits in Crockford-like base32: short enough to read out on the phone, hard to guess.
  return `T-${randomBytes(8).readBigUInt64BE().toString(32).toUpperCase().slice(0, 10)}`;
}

const VENUE_ONLY = ['orderId', 'extraData'] as const;

async function book(req: ApiRequest, c: BuyerContext): Promise<ApiResponse> {
  const eventKey = req.params.key!;
  const body = parse(venueBookRequest, req.body);
  if (!body.ok) return body.response;
  const { objectLabels, quantities, ticketTypes, holdToken, orderId = newOrderId(), extraData } = body.value;
  // Only the venue names orders and attaches extra data: a buyer's request carrying either is refused, naming it.
  const venueOnly = c.workspace ? [] : VENUE_ONLY.filter((field) => body.value[field] !== undefined);
  if (venueOnly.length) return problem(400, 'Invalid request', Object.fromEntries(venueOnly.map((f) => [f, ['only the venue (secret key) may set this']])));
  const stray = Object.keys(ticketTypes ?? {}).filter((label) => !objectLabels.includes(label));
  if (stray.length) return problem(400, 'Invalid request', Object.fromEntries(stray.map((l) => [`ticketTypes.${l}`, ['not one of objectLabels']])));
  const order = { orderId, ...(extraData ? { extraData } : {}) };
  const result = await c.booking.grouped(() =>
    c.booking.buyerBook(callerOf(c, req), eventKey, objectRefs(objectLabels, quantities, ticketTypes), holdToken, order),
  );
  if (!result.ok) return refused(result.refusal, eventKey, 'booked');
  const bookedAt = new Date(c.booking.now()).toISOString();
  const reply: BookReply = {
    orderId,
    confirmationUrl: eventPagePath(addressOf(c, req), `/orders/${encodeURIComponent(orderId)}`, { access: result.access }),
    booked: result.booked.map((v) => ({
      chartKey: result.chartKey,
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

async function release(req: ApiRequest, c: BuyerContext): Promise<ApiResponse> {
  const eventKey = req.params.key!;
  const body = parse(releaseRequest, req.body);
  if (!body.ok) return body.response;
  // Without a hold token only the venue (secret key) may release, e.g. a booked seat.
  if (!body.value.holdToken && !c.workspace) return problem(401, 'A hold token, or the secret key, is required to release');
  const result = await c.booking.grouped(() =>
    c.booking.buyerRelease(callerOf(c, req), eventKey, objectRefs(body.value.objectLabels, body.value.quantities), body.value.holdToken ?? null),
  );
  if (!result.ok) return refused(result.refusal, eventKey, 'released');
  const reply: ReleaseReply = { released: result.released.map((v) => ({ objectLabel: v.object.label })) };
  return { status: 200, body: reply };
}
