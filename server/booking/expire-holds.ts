import { runChange, type StatusChangeRequest } from './change-status';
import type { BookingContext } from './context';
import { HELD } from './status-rules';

/**
 * Releases everything held by tokens whose time is up, once per token: the token is marked expired in the
 * transaction that frees its objects, so neither a crash nor a second sweeper can release twice.
 * Returns how many tokens expired.
 */
export function expireHolds(ctx: BookingContext): number {
  const s = ctx.statements;
  const due = s.dueHoldTokens.all({ now: ctx.now() });
  for (const { token, workspaceId } of due) {
    runChange(ctx, workspaceId, () => heldByToken(ctx, token), { origin: 'HOLD_EXPIRED', expiringToken: token });
  }
  return due.length;
}

/** One release request per event for everything the token still holds; read inside the transaction. */
function heldByToken(ctx: BookingContext, token: string): StatusChangeRequest[] {
  const s = ctx.statements;
  const byEvent = new Map<number, StatusChangeRequest>();
  const requestFor = (eventId: number): StatusChangeRequest => {
    let request = byEvent.get(eventId);
    if (!request) {
      const eventKey = s.eventKeyById.get({ id: eventId })!.key;
      request = { eventKeys: [eventKey], objects: [], kind: 'release', status: 'free', holdToken: token };
      byEvent.set(eventId, request);
    }
    return request;
  };
  for (const row of s.seatsHeldBy.all({ token })) requestFor(row.eventId).objects.push({ label: row.label });
  for (const row of s.gaHeldBy.all({ token })) {
    if (row.status === HELD) requestFor(row.eventId).objects.push({ label: row.label, quantity: row.quantity });
  }
  return [...byEvent.values()];
}
