import { FREE } from '../../contracts/statuses';
import { runChange, type StatusChangeRequest } from './change-status';
import type { Store } from './store';
import { objectsHeldBy } from './hold-tokens';
import { exec, many, one, type Steps } from '../../db/steps';

/**
 * Releases everything held by tokens whose time is up, once per token: the token is claimed and marked expired in the
 * transaction that frees its objects, so neither a crash nor another instance's sweeper can release twice (a token
 * another sweeper is releasing is skipped). Returns how many tokens were due.
 */
export function* expireHolds(store: Store): Steps<number> {
  // Batches of 100 (the query's limit) for up to ~100 ms a sweep: thousands of tokens expiring at once (after an
  // on-sale's first wave, or a restart) go within a second or two without stalling the event loop for long.
  const started = performance.now();
  let expired = 0;
  for (;;) {
    const due = yield* many(store.statements.dueHoldTokens, { now: store.now() });
    for (const { token, workspaceId } of due) {
      // With other instances, the events it holds at, read beforehand: the release waits for their changes (runChange).
      const events = store.alone ? [] : [...new Set((yield* objectsHeldBy(store, token)).map((o) => o.eventKey))];
      yield* runChange(store, workspaceId, () => releaseRequests(store, token), { origin: 'HOLD_EXPIRED', expiringToken: token, events });
    }
    expired += due.length;
    if (due.length < 100 || performance.now() - started > 100) return expired;
  }
}

/**
 * One release request per event for everything the token still holds, read inside the change's transaction once the
 * token is claimed and marked expired; none when another sweeper has claimed it.
 */
function* releaseRequests(store: Store, token: string): Steps<StatusChangeRequest[]> {
  if (!(yield* one(store.statements.claimExpiringToken, { token }))) return [];
  yield* exec(store.statements.markTokenExpired, { token });
  const byEvent = new Map<string, StatusChangeRequest>();
  for (const held of yield* objectsHeldBy(store, token)) {
    let request = byEvent.get(held.eventKey);
    if (!request) {
      request = { eventKeys: [held.eventKey], objects: [], kind: 'release', status: FREE, holdToken: token };
      byEvent.set(held.eventKey, request);
    }
    request.objects.push({ label: held.label, quantity: held.quantity });
  }
  return [...byEvent.values()];
}
