import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { holdTokens, type HoldTokenRow } from '../../db/schema';
import { HELD } from '../../contracts/statuses';
import type { Store } from './store';

/*
 * The life of a hold token, for both API dialects: minted with an expiry, checked before every use, extended
 * within a maximum, released by the sweeper (expire-holds.ts) once its time is up.
 */

const DEFAULT_HOLD_MINUTES = 15;
/** A token lives at most this long from its creation, however often it is extended. */
export const MAX_HOLD_MINUTES = 120;

/** A token about to exist: stored by the transaction that first holds with it, or by createHoldToken. */
export type NewHoldToken = { token: string; expiresAt: number };

export type HoldTokenView = { token: string; expiresAt: number; workspaceId: number; createdAt: number };

type HoldTokenProblem = 'not_found' | 'expired' | 'too_long';

export type HoldTokenResult = { ok: true; holdToken: HoldTokenView } | { ok: false; reason: HoldTokenProblem };

/**
 * A new token that expires `minutes` from now, not yet stored. 128 random bits, URL-safe: unguessable, and short
 * enough for a URL or a header.
 */
export function mintHoldToken(store: Store, minutes = DEFAULT_HOLD_MINUTES): NewHoldToken | 'too_long' {
  if (minutes > MAX_HOLD_MINUTES) return 'too_long';
  return { token: randomBytes(16).toString('base64url'), expiresAt: store.now() + Math.round(minutes * 60_000) };
}

/** A token holds until it expires or the sweeper has released it, whichever comes first. */
function isLive(row: Pick<HoldTokenRow, 'expired' | 'expiresAt'>, now: number): boolean {
  return !row.expired && row.expiresAt > now;
}

function view(row: HoldTokenRow): HoldTokenView {
  return { token: row.token, expiresAt: row.expiresAt, workspaceId: row.workspaceId, createdAt: row.createdAt };
}

/**
 * The token if it exists and is live. With a workspace, only a token of that workspace; without one (the buyer
 * API, where the token itself is the credential), any.
 */
export function checkHoldToken(store: Store, token: string, workspaceId: number | null): HoldTokenResult {
  const row = store.statements.holdToken.get({ token });
  if (!row || (workspaceId !== null && row.workspaceId !== workspaceId)) return { ok: false, reason: 'not_found' };
  if (!isLive(row, store.now())) return { ok: false, reason: 'expired' };
  return { ok: true, holdToken: view(row) };
}

export function createHoldToken(store: Store, workspaceId: number, minutes = DEFAULT_HOLD_MINUTES): HoldTokenResult {
  const minted = mintHoldToken(store, minutes);
  if (minted === 'too_long') return { ok: false, reason: 'too_long' };
  const createdAt = store.now();
  store.transact(() => store.statements.insertHoldToken.run({ ...minted, workspaceId, createdAt }));
  return { ok: true, holdToken: { ...minted, workspaceId, createdAt } };
}

/** The token of this workspace, live or not (seats.io shows expired tokens too). */
export function retrieveHoldToken(store: Store, workspaceId: number, token: string): HoldTokenResult {
  const row = store.statements.holdToken.get({ token });
  if (!row || row.workspaceId !== workspaceId) return { ok: false, reason: 'not_found' };
  return { ok: true, holdToken: view(row) };
}

/** Sets a live token to expire `minutes` from now, within MAX_HOLD_MINUTES of its creation. */
export function extendHoldToken(store: Store, workspaceId: number | null, token: string, minutes: number): HoldTokenResult {
  return store.transact((): HoldTokenResult => {
    const checked = checkHoldToken(store, token, workspaceId);
    if (!checked.ok) return checked;
    const expiresAt = store.now() + Math.round(minutes * 60_000);
    if (expiresAt > checked.holdToken.createdAt + MAX_HOLD_MINUTES * 60_000) return { ok: false, reason: 'too_long' };
    const updated = store.db.update(holdTokens).set({ expiresAt }).where(eq(holdTokens.token, token)).returning().get();
    return { ok: true, holdToken: view(updated) };
  });
}

export type HeldObject = { eventKey: string; label: string; quantity: number };

/** What a token holds, in every event. Safe to show to whoever presents the token: it is the credential. */
export function objectsHeldBy(store: Store, token: string): HeldObject[] {
  const s = store.statements;
  const keyOf = (eventId: number) => s.eventKeyById.get({ id: eventId })!.key;
  return [
    ...s.seatsHeldBy.all({ token }).map((r) => ({ eventKey: keyOf(r.eventId), label: r.label, quantity: 1 })),
    ...s.gaHeldBy
      .all({ token })
      .filter((r) => r.status === HELD)
      .map((r) => ({ eventKey: keyOf(r.eventId), label: r.label, quantity: r.quantity })),
  ];
}
