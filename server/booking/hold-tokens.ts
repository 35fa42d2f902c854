import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { HoldTokenRow } from '../../db/schema';
import { MAX_HOLD_MINUTES } from '../../contracts/sales';
import { HELD } from '../../contracts/statuses';
import type { Store } from './store';
import { exec, many, one, transaction, type Steps } from '../../db/steps';

/*
 * The life of a hold token, for both API dialects: minted with an expiry, checked before every use, extended
 * within a maximum, released by the sweeper (expire-holds.ts) once its time is up. A token created by an
 * anonymous buyer belongs to the event it was created on and is good only there, through the buyer API and for
 * the venue's secret key. A token created with the secret key is accepted from an anonymous buyer only to hold and
 * release, by the one client that claimed it (VenueTokenUse); never to book or extend.
 */

/** How long a token created with the secret key lasts unless asked otherwise (seats.io's default). */
const DEFAULT_HOLD_MINUTES = 15;

/**
 * A token about to exist: stored by the transaction that first holds with it, or by createHoldToken. An anonymous
 * buyer's token records its event and the client that made it.
 */
export type NewHoldToken = { token: string; expiresAt: number; eventId: number | null; client: string | null };

export type HoldTokenView = { token: string; expiresAt: number; workspaceId: number; eventId: number | null; createdAt: number };

/**
 * Who presents a token: the venue (its workspace's tokens), or an anonymous buyer (tokens made on one event, and
 * where holding and releasing allow it, the venue's tokens of that event's workspace that this client has claimed).
 */
export type TokenScope = { workspaceId: number } | { anonymousOnEvent: number | 'any'; venueTokens?: VenueTokenUse };

/**
 * A venue's token handed to a buyer's browser (an embedded chart's `manual` session): good for holding and releasing
 * at the workspace's events, for the one client that first presented it, never for booking or extending.
 */
export type VenueTokenUse = { workspaceId: number; client: string };

export type HoldTokenResult = { ok: true; holdToken: HoldTokenView } | { ok: false; reason: 'not_found' | 'expired' | 'too_long' | 'shortens' };

/** A new token expiring `minutes` from now, not yet stored. 128 random bits, URL-safe: unguessable, and short. */
export function mintHoldToken(store: Store, minutes: number, anonymous: { eventId: number; client: string } | null): NewHoldToken {
  return {
    token: randomBytes(16).toString('base64url'),
    expiresAt: store.now() + Math.round(minutes * 60_000),
    eventId: anonymous?.eventId ?? null,
    client: anonymous?.client ?? null,
  };
}

/** A token holds until it expires or the sweeper has released it, whichever comes first. */
function isLive(row: Pick<HoldTokenRow, 'expired' | 'expiresAt'>, now: number): boolean {
  return !row.expired && row.expiresAt > now;
}

function view(row: HoldTokenRow): HoldTokenView {
  return { token: row.token, expiresAt: row.expiresAt, workspaceId: row.workspaceId, eventId: row.eventId, createdAt: row.createdAt };
}

function inScope(row: HoldTokenRow, scope: TokenScope): boolean {
  if ('workspaceId' in scope) return row.workspaceId === scope.workspaceId;
  if (row.eventId !== null) return scope.anonymousOnEvent === 'any' || row.eventId === scope.anonymousOnEvent;
  const venue = scope.venueTokens;
  return venue !== undefined && row.workspaceId === venue.workspaceId && row.client === venue.client;
}

/**
 * Makes an unclaimed venue token of the workspace the client's: from now on only this client may present it
 * anonymously, and its places count towards the client's limit. A token another client claimed stays theirs.
 */
export function* claimVenueToken(store: Store, token: string, use: VenueTokenUse): Steps<void> {
  const { holdTokens } = store.tables;
  yield* exec(
    store.db
      .update(holdTokens)
      .set({ client: use.client })
      .where(and(eq(holdTokens.token, token), eq(holdTokens.workspaceId, use.workspaceId), isNull(holdTokens.eventId), isNull(holdTokens.client))),
  );
}

/** The token if it exists, may be presented by this caller, and is live. */
export function* checkHoldToken(store: Store, token: string, scope: TokenScope): Steps<HoldTokenResult> {
  const row = yield* one(store.statements.holdToken, { token });
  if (!row || !inScope(row, scope)) return { ok: false, reason: 'not_found' };
  if (!isLive(row, store.now())) return { ok: false, reason: 'expired' };
  return { ok: true, holdToken: view(row) };
}

/**
 * A token for the venue's own use (seats.io's `POST /hold-tokens`), or, given `anonymous`, a buyer's session token
 * on one event before its first hold.
 */
export function* createHoldToken(
  store: Store,
  workspaceId: number,
  minutes = DEFAULT_HOLD_MINUTES,
  anonymous: { eventId: number; client: string } | null = null,
): Steps<HoldTokenResult> {
  if (minutes > MAX_HOLD_MINUTES) return { ok: false, reason: 'too_long' };
  const minted = mintHoldToken(store, minutes, anonymous);
  const createdAt = store.now();
  yield* exec(store.statements.insertHoldToken, { ...minted, workspaceId, createdAt });
  return { ok: true, holdToken: { ...minted, workspaceId, createdAt } };
}

/** The token of this workspace, live or not (seats.io shows expired tokens too). */
export function* retrieveHoldToken(store: Store, workspaceId: number, token: string): Steps<HoldTokenResult> {
  const row = yield* one(store.statements.holdToken, { token });
  if (!row || row.workspaceId !== workspaceId) return { ok: false, reason: 'not_found' };
  return { ok: true, holdToken: view(row) };
}

export type ExtensionLimits = { maxMinutes: number; onlyLonger: boolean };

/**
 * Sets a live token to expire `minutes` from now, no later than `maxMinutes` after its creation, and (for an
 * anonymous buyer's token) never earlier than it already does. The venue may set any time within 2 hours.
 */
export function extendHoldToken(
  store: Store,
  scope: TokenScope,
  token: string,
  minutes: number,
  limits: ExtensionLimits = { maxMinutes: MAX_HOLD_MINUTES, onlyLonger: false },
): Steps<HoldTokenResult> {
  const { holdTokens } = store.tables;
  return transaction(function* (): Steps<HoldTokenResult> {
    const checked = yield* checkHoldToken(store, token, scope);
    if (!checked.ok) return checked;
    const expiresAt = store.now() + Math.round(minutes * 60_000);
    if (limits.onlyLonger && expiresAt <= checked.holdToken.expiresAt) return { ok: false, reason: 'shortens' };
    if (expiresAt > checked.holdToken.createdAt + limits.maxMinutes * 60_000) return { ok: false, reason: 'too_long' };
    const updated = yield* one(store.db.update(holdTokens).set({ expiresAt }).where(eq(holdTokens.token, token)).returning());
    return { ok: true, holdToken: view(updated) };
  });
}

export type HeldObject = { eventId: number; eventKey: string; label: string; quantity: number };

/** What a token holds, in every event. Safe to show to whoever presents the token: it is the credential. */
export function* objectsHeldBy(store: Store, token: string): Steps<HeldObject[]> {
  const s = store.statements;
  const held = [
    ...(yield* many(s.seatsHeldBy, { token })).map((r) => ({ ...r, quantity: 1 })),
    ...(yield* many(s.gaHeldBy, { token })).filter((r) => r.status === HELD),
  ];
  const keys = new Map<number, string>();
  const objects: HeldObject[] = [];
  for (const { eventId, label, quantity } of held) {
    let eventKey = keys.get(eventId);
    if (eventKey === undefined) keys.set(eventId, (eventKey = (yield* one(s.eventKeyById, { id: eventId }))!.key));
    objects.push({ eventId, eventKey, label, quantity });
  }
  return objects;
}
