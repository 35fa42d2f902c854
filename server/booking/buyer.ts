import { ticketTypesOf } from '../../contracts/prices';
import { MAX_HOLD_MINUTES } from '../../contracts/sales';
import { BOOKED, FREE, HELD } from '../../contracts/statuses';
import { changeBestAvailable, type BestAvailableQuery } from './best-available';
import { changeObjectStatus, type ChangeFailure, type ObjectRef, type ObjectView, type RunOptions, type StatusChangeRequest } from './change-status';
import { findEvent, findPublicEvent, type EventHandle } from './event-state';
import { eventByKey, orderAccess } from './events';
import {
  checkHoldToken,
  claimVenueToken,
  createHoldToken,
  extendHoldToken,
  mintHoldToken,
  objectsHeldBy,
  type HeldObject,
  type TokenScope,
} from './hold-tokens';
import type { Store } from './store';
import { one, type Steps } from '../../db/steps';

/*
 * What the buyer API may do, and the trust model behind it. An anonymous buyer is held to the event's sales
 * settings: places per order, hold duration, and whether checkout is theirs (reservation) or the venue's
 * (handoff). Their token is good only on the event it was created on. With the secret key the same requests act
 * for the venue, within its workspace and without those limits.
 */

/** Who calls: the venue (a workspace's secret key), or an anonymous buyer, known by the client it calls from. */
/** The venue (its secret key), or an anonymous buyer: their client, and the workspace they address (the default one unless named). */
export type Caller = { workspaceId: number } | { anonymousClient: string; workspaceKey?: string | undefined };

/** Limits that are the install's, not an event's: places one client may hold per event, across its tokens. */
export type BuyerLimits = { placesPerClient: number };

export type BuyerRefusal =
  | { kind: 'event_not_found' }
  | { kind: 'refused'; failure: ChangeFailure }
  | { kind: 'hold_too_long'; maxSeconds: number }
  | { kind: 'no_best_available'; number: number }
  /** Handoff: the venue's server books after payment; a buyer's token alone books nothing. */
  | { kind: 'checkout_by_venue' }
  | { kind: 'token_not_found' }
  | { kind: 'extension_too_long'; maxSeconds: number }
  | { kind: 'extension_shortens' }
  /** A ticket type the place's category does not have. */
  | { kind: 'unknown_ticket_type'; label: string; ticketType: string };

type Refused = { ok: false; refusal: BuyerRefusal };

export type BuyerHold = { holdToken: string; expiresAt: number; held: ObjectView[] };

/** What to hold, and the channels whose places the buyer may take (their keys are the buyer's to know). */
export type HoldWhat = ({ objects: ObjectRef[] } | { bestAvailable: Pick<BestAvailableQuery, 'number' | 'categories'> }) & { channelKeys?: string[] };

const anonymous = (caller: Caller): caller is Extract<Caller, { anonymousClient: string }> => 'anonymousClient' in caller;

function eventFor(store: Store, caller: Caller, eventKey: string): Steps<EventHandle | undefined> {
  return anonymous(caller) ? findPublicEvent(store, { eventKey, workspaceKey: caller.workspaceKey }) : findEvent(store, eventKey, caller.workspaceId);
}

/**
 * The hold tokens the caller may present: the venue, its workspace's; a buyer, those made on this event and, to hold
 * and release but never to book, the venue's tokens it has claimed (an embedded chart's manual session).
 */
function scopeOf(caller: Caller, event: EventHandle, purpose: 'hold' | 'book'): TokenScope {
  if (!anonymous(caller)) return { workspaceId: event.workspaceId };
  return purpose === 'hold'
    ? { anonymousOnEvent: event.id, venueTokens: { workspaceId: event.workspaceId, client: caller.anonymousClient } }
    : { anonymousOnEvent: event.id };
}

/** How the caller's changes run: as a buyer's or an integrator's, with the hold tokens the caller may present. */
function runOptions(caller: Caller, event: EventHandle, purpose: 'hold' | 'book'): RunOptions {
  return { origin: anonymous(caller) ? 'BUYER' : 'API_CALL', tokenScope: scopeOf(caller, event, purpose) };
}

/** How long a hold asked for lasts: `ttlSeconds`, or the event's hold time; a buyer may not ask for longer. */
function holdDuration(caller: Caller, event: EventHandle, ttlSeconds: number | undefined): { ok: true; minutes: number } | Refused {
  const maxMinutes = anonymous(caller) ? event.sales.holdMinutes : MAX_HOLD_MINUTES;
  const minutes = ttlSeconds !== undefined ? ttlSeconds / 60 : event.sales.holdMinutes;
  return minutes > maxMinutes ? { ok: false, refusal: { kind: 'hold_too_long', maxSeconds: maxMinutes * 60 } } : { ok: true, minutes };
}

/** Whose a new token is: a buyer's, on this event and for their client; the venue's own call, its workspace's. */
const newTokenOwner = (caller: Caller, event: EventHandle) => (anonymous(caller) ? { eventId: event.id, client: caller.anonymousClient } : null);

/** Holds places, creating the hold token with the first hold (in the same transaction, so a refusal leaves none). */
export function* buyerHold(
  store: Store,
  caller: Caller,
  eventKey: string,
  what: HoldWhat,
  token: { holdToken?: string; ttlSeconds?: number },
  limits: BuyerLimits,
): Steps<{ ok: true; hold: BuyerHold } | Refused> {
  const event = yield* eventFor(store, caller, eventKey);
  if (!event) return { ok: false, refusal: { kind: 'event_not_found' } };
  const duration = holdDuration(caller, event, token.ttlSeconds);
  if (!duration.ok) return duration;
  const { minutes } = duration;
  if (token.holdToken && anonymous(caller)) yield* claimVenueToken(store, token.holdToken, { workspaceId: event.workspaceId, client: caller.anonymousClient });
  const fresh = token.holdToken ? undefined : mintHoldToken(store, minutes, newTokenOwner(caller, event));
  const holdToken = token.holdToken ?? fresh!.token;
  const options: RunOptions = {
    ...runOptions(caller, event, 'hold'),
    ...(fresh ? { newHoldToken: fresh } : {}),
    ...(anonymous(caller)
      ? {
          placeLimit: {
            event,
            token: holdToken,
            maxPlaces: event.sales.maxPlacesPerOrder,
            client: { key: caller.anonymousClient, maxPlaces: limits.placesPerClient },
          },
        }
      : {}),
  };
  const request = { kind: 'status' as const, status: HELD, holdToken, channelKeys: what.channelKeys ?? null };
  let held: ObjectView[];
  if ('bestAvailable' in what) {
    const { result, pick } = yield* changeBestAvailable(store, event.workspaceId, eventKey, what.bestAvailable, request, options);
    if (!result.ok) return { ok: false, refusal: { kind: 'refused', failure: result.failure } };
    if (!pick) return { ok: false, refusal: { kind: 'no_best_available', number: what.bestAvailable.number } };
    held = result.results[0]!;
  } else {
    const result = yield* changeObjectStatus(store, event.workspaceId, [{ ...request, eventKeys: [eventKey], objects: what.objects }], options);
    if (!result.ok) return { ok: false, refusal: { kind: 'refused', failure: result.failure } };
    held = result.results[0]!;
  }
  // The token has just held places, so it exists.
  const expiresAt = fresh?.expiresAt ?? (yield* one(store.statements.holdToken, { token: holdToken }))!.expiresAt;
  return { ok: true, hold: { holdToken, expiresAt, held } };
}

/**
 * A new, empty hold token for the event, for a buyer who starts a session before holding anything (an embedded
 * chart's `start` session, whose page reads the token at once). Bound to the event and the client, as a token a
 * first hold creates; it lasts the event's hold time, or less when asked.
 */
export function* buyerStartSession(
  store: Store,
  caller: Caller,
  eventKey: string,
  ttlSeconds: number | undefined,
): Steps<{ ok: true; holdToken: string; expiresAt: number } | Refused> {
  const event = yield* eventFor(store, caller, eventKey);
  if (!event) return { ok: false, refusal: { kind: 'event_not_found' } };
  const duration = holdDuration(caller, event, ttlSeconds);
  if (!duration.ok) return duration;
  const created = yield* createHoldToken(store, event.workspaceId, duration.minutes, newTokenOwner(caller, event));
  // Within the event's hold time, so within the longest a token may live.
  if (!created.ok) throw new Error(`a session token could not be created: ${created.reason}`);
  return { ok: true, holdToken: created.holdToken.token, expiresAt: created.holdToken.expiresAt };
}

/** An order as it is booked; only the venue attaches extra data (the API refuses it from an anonymous buyer). */
export type Order = { orderId: string; extraData?: Record<string, unknown> };

/** Books what the token holds. Anonymous buyers book only where the event's checkout is a reservation. */
export function* buyerBook(
  store: Store,
  caller: Caller,
  eventKey: string,
  objects: ObjectRef[],
  holdToken: string,
  order: Order,
): Steps<{ ok: true; booked: ObjectView[]; chartKey: string; access: string } | Refused> {
  if (anonymous(caller) && order.extraData) throw new Error('an anonymous booking cannot carry extra data');
  const event = yield* eventFor(store, caller, eventKey);
  if (!event) return { ok: false, refusal: { kind: 'event_not_found' } };
  if (anonymous(caller) && event.sales.checkoutMode !== 'reservation') return { ok: false, refusal: { kind: 'checkout_by_venue' } };
  const pricing = (yield* eventByKey(store, event.workspaceId, eventKey))?.pricing;
  for (const { label, ticketType } of objects) {
    if (ticketType === undefined) continue;
    const known = ticketTypesOf(pricing, event.chart.byLabel.get(label)?.categoryKey);
    if (!known.some((t) => t.ticketType === ticketType)) return { ok: false, refusal: { kind: 'unknown_ticket_type', label, ticketType } };
  }
  const request: StatusChangeRequest = {
    eventKeys: [eventKey],
    objects: order.extraData ? objects.map((o) => ({ ...o, extraData: order.extraData })) : objects,
    kind: 'status',
    status: BOOKED,
    holdToken,
    orderId: order.orderId,
  };
  const result = yield* changeObjectStatus(store, event.workspaceId, [request], runOptions(caller, event, 'book'));
  if (!result.ok) return { ok: false, refusal: { kind: 'refused', failure: result.failure } };
  return { ok: true, booked: result.results[0]!, chartKey: event.chart.key, access: yield* orderAccess(store, event, order.orderId) };
}

/** Releases places: with a token, only what it holds; without one (the venue only), anything taken. */
export function* buyerRelease(
  store: Store,
  caller: Caller,
  eventKey: string,
  objects: ObjectRef[],
  holdToken: string | null,
): Steps<{ ok: true; released: ObjectView[] } | Refused> {
  const event = yield* eventFor(store, caller, eventKey);
  if (!event) return { ok: false, refusal: { kind: 'event_not_found' } };
  // Held (by the token) or booked → free: the venue may free both at once; a buyer only what the token holds.
  const request: StatusChangeRequest = { eventKeys: [eventKey], objects, kind: 'release', status: FREE, holdToken, releasesBooked: !anonymous(caller) };
  const result = yield* changeObjectStatus(store, event.workspaceId, [request], runOptions(caller, event, 'hold'));
  if (!result.ok) return { ok: false, refusal: { kind: 'refused', failure: result.failure } };
  return { ok: true, released: result.results[0]! };
}

export type BuyerToken = { holdToken: string; expiresAt: number; held: HeldObject[] };

function tokenScope(caller: Caller): TokenScope {
  return anonymous(caller) ? { anonymousOnEvent: 'any' } : caller;
}

/** What a live token holds, for whoever presents it (a reloaded page restores its selection from it). */
export function* buyerToken(store: Store, caller: Caller, holdToken: string): Steps<{ ok: true; token: BuyerToken } | Refused> {
  const checked = yield* checkHoldToken(store, holdToken, tokenScope(caller));
  if (!checked.ok) return { ok: false, refusal: { kind: 'token_not_found' } };
  return { ok: true, token: { holdToken, expiresAt: checked.holdToken.expiresAt, held: yield* objectsHeldBy(store, holdToken) } };
}

/** Makes a live token last `ttlSeconds` from now: for an anonymous buyer only longer, and within the event's maximum. */
export function* buyerExtend(store: Store, caller: Caller, holdToken: string, ttlSeconds: number): Steps<{ ok: true; token: BuyerToken } | Refused> {
  const checked = yield* checkHoldToken(store, holdToken, tokenScope(caller));
  if (!checked.ok) return { ok: false, refusal: { kind: 'token_not_found' } };
  const { eventId } = checked.holdToken;
  const owner = anonymous(caller) && eventId !== null ? yield* one(store.statements.eventKeyById, { id: eventId }) : undefined;
  const event = owner && (yield* findEvent(store, owner.key, owner.workspaceId));
  const maxMinutes = event?.sales.maxHoldMinutes ?? MAX_HOLD_MINUTES;
  const result = yield* extendHoldToken(store, tokenScope(caller), holdToken, ttlSeconds / 60, { maxMinutes, onlyLonger: anonymous(caller) });
  if (result.ok) return yield* buyerToken(store, caller, holdToken);
  if (result.reason === 'too_long') return { ok: false, refusal: { kind: 'extension_too_long', maxSeconds: maxMinutes * 60 } };
  if (result.reason === 'shortens') return { ok: false, refusal: { kind: 'extension_shortens' } };
  return { ok: false, refusal: { kind: 'token_not_found' } };
}
