import { BOOKED, FREE, HELD } from '../../contracts/statuses';
import type { FailureReason } from './failures';
import { allocationKey, allocationRow, moveQuantity, placesTaken, type GaState } from './general-admission';

/*
 * The rules of status changes, as pure functions over plain values. The transaction in change-status.ts
 * loads the current state, asks these rules, and writes what they return.
 */

export type SeatState = {
  status: string;
  holdToken: string | null;
  orderId: string | null;
  ticketType: string | null;
  /** Extra data as JSON, and the row it is stored in (null until a new value is written). */
  extraData: string | null;
  extraDataId: number | null;
  forSale: boolean;
};

/** What a change asks for. `token` is the caller's hold token, already checked to be live. */
export type ChangeIntent = {
  kind: 'status' | 'release';
  /** Target status for kind 'status' (`reservedByToken`, `booked` or custom). */
  status: string;
  token: string | null;
  orderId: string | null;
  ticketType: string | null;
  extraData: string | null;
  keepExtraData: boolean;
  allowedPreviousStatuses: string[] | null;
  rejectedPreviousStatuses: string[] | null;
  /** A release by the venue (secret key) with a hold token: frees booked seats too, beside what the token holds. */
  releasesBooked?: boolean;
  /** The place is in a channel the caller did not name (channels.ts): it may not take it from free. */
  outsideChannel?: boolean;
};

export type RuleResult<T> = { ok: true; next: T } | { ok: false; reason: FailureReason };

function checkPrevious(current: string, intent: ChangeIntent): FailureReason | null {
  if (intent.rejectedPreviousStatuses?.includes(current)) return 'previous_status_rejected';
  if (intent.allowedPreviousStatuses && !intent.allowedPreviousStatuses.includes(current)) return 'previous_status_rejected';
  return null;
}

/**
 * One seat, table or booth. An object can be taken (held, booked, custom status) only when it is free or held
 * by the caller's token, unless allowedPreviousStatuses names its current status explicitly; a held object
 * is released or taken only with its own token.
 */
export function changeSeat(current: SeatState, intent: ChangeIntent): RuleResult<SeatState> {
  const previous = checkPrevious(current.status, intent);
  if (previous) return { ok: false, reason: previous };

  if (current.status === HELD && current.holdToken !== intent.token) {
    return { ok: false, reason: intent.token ? 'held_by_other_token' : 'hold_token_required' };
  }

  if (intent.kind === 'release') {
    if (current.status === FREE) return { ok: false, reason: 'already_free' };
    // A hold token releases only what it holds: a buyer's token must never free someone's booking. The venue
    // (secret key) may free booked seats in the same request.
    if (intent.token && current.status !== HELD && !(intent.releasesBooked && current.status === BOOKED)) return { ok: false, reason: 'not_held_by_token' };
    return {
      ok: true,
      // An order id passed with a release stays with the seat (seats.io's "release with orderId"); else none.
      next: {
        ...current,
        status: FREE,
        holdToken: null,
        orderId: intent.orderId ?? null,
        ticketType: null,
        ...extraDataAfter(current, { ...intent, extraData: null }),
      },
    };
  }

  if (!current.forSale) return { ok: false, reason: 'not_for_sale' };
  // Held at this point means held by the caller's token: the hold already passed the channel's door.
  if (intent.outsideChannel && current.status !== HELD) return { ok: false, reason: 'not_in_channel' };
  const explicitlyAllowed = intent.allowedPreviousStatuses?.includes(current.status) ?? false;
  if (current.status !== FREE && current.status !== HELD && !explicitlyAllowed) return { ok: false, reason: 'already_taken' };
  // A hold token passed with a booking promises the object is held by it (seats.io semantics).
  if (intent.token && current.status !== HELD && intent.status !== HELD) return { ok: false, reason: 'not_held_by_token' };

  const holding = intent.status === HELD;
  return {
    ok: true,
    next: {
      status: intent.status,
      holdToken: holding ? intent.token : null,
      orderId: intent.orderId ?? (holding ? null : current.orderId),
      ticketType: intent.ticketType ?? current.ticketType,
      ...extraDataAfter(current, intent),
      forSale: current.forSale,
    },
  };
}

/** A new value replaces the extra data; otherwise it is kept only when asked to. */
function extraDataAfter(current: SeatState, intent: ChangeIntent): Pick<SeatState, 'extraData' | 'extraDataId'> {
  if (intent.extraData !== null) return { extraData: intent.extraData, extraDataId: null };
  return intent.keepExtraData ? { extraData: current.extraData, extraDataId: current.extraDataId } : { extraData: null, extraDataId: null };
}

/**
 * `quantity` places of a GA area. Taking places uses places held by the caller's token first when a token is
 * given (hold → book), else free places. Releasing gives back places the token holds; without a token, booked
 * places first, then places in custom statuses (by name), or only those statuses `allowedPreviousStatuses` names.
 */
export function changeGeneralAdmission(current: GaState, intent: ChangeIntent, quantity: number): RuleResult<GaState> {
  const heldByToken = intent.token ? (current.allocations.get(allocationKey(HELD, intent.token)) ?? 0) : 0;
  if (intent.kind === 'release') {
    if (intent.token) {
      if (heldByToken < quantity) return { ok: false, reason: 'not_held_by_token' };
      return { ok: true, next: moveQuantity(current, allocationKey(HELD, intent.token), null, quantity) };
    }
    let next = current;
    let left = quantity;
    for (const key of releasableWithoutToken(current, intent.allowedPreviousStatuses)) {
      const take = Math.min(left, next.allocations.get(key)!);
      next = moveQuantity(next, key, null, take);
      left -= take;
      if (left === 0) return { ok: true, next };
    }
    return { ok: false, reason: 'already_free' };
  }
  const target = allocationKey(intent.status, intent.status === HELD ? intent.token : null);
  if (intent.token && intent.status !== HELD) {
    if (heldByToken < quantity) return { ok: false, reason: 'not_held_by_token' };
    return { ok: true, next: moveQuantity(current, allocationKey(HELD, intent.token), target, quantity) };
  }
  if (intent.outsideChannel) return { ok: false, reason: 'not_in_channel' };
  if (current.capacity - placesTaken(current) < quantity) return { ok: false, reason: 'insufficient_capacity' };
  return { ok: true, next: moveQuantity(current, null, target, quantity) };
}

/** The allocations a release without a token may take from, in order: booked, then custom statuses by name. */
function releasableWithoutToken(state: GaState, only: string[] | null): string[] {
  const taken = [...state.allocations.keys()].map((key) => ({ key, status: allocationRow(key, 0).status }));
  return taken
    .filter(({ status }) => status !== HELD && (!only || only.includes(status)))
    .sort((a, b) => (a.status === BOOKED ? -1 : b.status === BOOKED ? 1 : a.status.localeCompare(b.status)))
    .map(({ key }) => key);
}
