import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { holdTokens, type HoldTokenRow } from '../../db/schema';
import type { BookingContext } from './context';

export const DEFAULT_HOLD_MINUTES = 15;
/** A token lives at most this long from its creation, however often it is extended. */
const MAX_HOLD_MINUTES = 120;

/** 128 random bits, URL-safe: unguessable, and short enough for a URL or a header. */
export function newHoldToken(): string {
  return randomBytes(16).toString('base64url');
}

export type HoldTokenView = { token: string; expiresAt: number; workspaceId: number };

export type HoldTokenResult = { ok: true; holdToken: HoldTokenView } | { ok: false; reason: 'not_found' | 'expired' | 'too_long' };

/** A token holds until it expires or the sweeper has released it, whichever comes first. */
export function isLive(row: Pick<HoldTokenRow, 'expired' | 'expiresAt'>, now: number): boolean {
  return !row.expired && row.expiresAt > now;
}

function view(row: HoldTokenRow): HoldTokenView {
  return { token: row.token, expiresAt: row.expiresAt, workspaceId: row.workspaceId };
}

export function createHoldToken(ctx: BookingContext, workspaceId: number, expiresInMinutes = DEFAULT_HOLD_MINUTES): HoldTokenResult {
  if (expiresInMinutes > MAX_HOLD_MINUTES) return { ok: false, reason: 'too_long' };
  const now = ctx.now();
  const token = { token: newHoldToken(), workspaceId, expiresAt: now + Math.round(expiresInMinutes * 60_000), createdAt: now };
  ctx.statements.insertHoldToken.run(token);
  return { ok: true, holdToken: view({ ...token, expired: false }) };
}

export function retrieveHoldToken(ctx: BookingContext, workspaceId: number, token: string): HoldTokenResult {
  const row = ctx.statements.holdToken.get({ token });
  if (!row || row.workspaceId !== workspaceId) return { ok: false, reason: 'not_found' };
  return { ok: true, holdToken: view(row) };
}

/** Sets the token to expire `expiresInMinutes` from now, within MAX_HOLD_MINUTES of its creation. */
export function extendHoldToken(ctx: BookingContext, workspaceId: number, token: string, expiresInMinutes: number): HoldTokenResult {
  const now = ctx.now();
  return ctx.db.transaction((tx) => {
    const row = tx.select().from(holdTokens).where(eq(holdTokens.token, token)).get();
    if (!row || row.workspaceId !== workspaceId) return { ok: false, reason: 'not_found' } as const;
    if (!isLive(row, now)) return { ok: false, reason: 'expired' } as const;
    const expiresAt = now + Math.round(expiresInMinutes * 60_000);
    if (expiresAt > row.createdAt + MAX_HOLD_MINUTES * 60_000) return { ok: false, reason: 'too_long' } as const;
    const updated = tx.update(holdTokens).set({ expiresAt }).where(eq(holdTokens.token, token)).returning().get();
    return { ok: true, holdToken: view(updated) } as const;
  });
}

export type HeldObject = { eventKey: string; label: string; quantity: number };

/** What a live token holds, in every event. Safe to show to whoever presents the token: it is the credential. */
export function objectsHeldBy(ctx: BookingContext, token: string): HeldObject[] {
  const s = ctx.statements;
  const keyOf = (eventId: number) => s.eventKeyById.get({ id: eventId })!.key;
  return [
    ...s.seatsHeldBy.all({ token }).map((r) => ({ eventKey: keyOf(r.eventId), label: r.label, quantity: 1 })),
    ...s.gaHeldBy
      .all({ token })
      .filter((r) => r.status === 'reservedByToken')
      .map((r) => ({ eventKey: keyOf(r.eventId), label: r.label, quantity: r.quantity })),
  ];
}
