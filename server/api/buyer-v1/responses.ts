import type { FailureReason } from '../../../contracts/buyer-api';
import type { BuyerRefusal } from '../../booking/buyer';
import type { ChangeFailure } from '../../booking/change-status';
import { reasonMessages, type FailureReason as DomainReason, type ObjectFailure } from '../../booking/failures';
import { parserFor } from '../parse';
import { invalidRequest, problem } from '../problems';
import type { ApiResponse } from '../router';

/*
 * The buyer API's response shapes: conflicts are 409 with every refused label and its reason; every other error
 * is `{statusCode, message, errors?}` (../problems.ts).
 */

/** The reasons on the wire, from the booking layer's: a rename on either side fails to compile. */
const wireReason: Record<DomainReason, FailureReason> = {
  object_not_found: 'object_not_found',
  not_bookable: 'not_bookable',
  not_for_sale: 'not_for_sale',
  not_in_channel: 'not_in_channel',
  duplicate_object: 'duplicate_object',
  already_taken: 'already_taken',
  already_free: 'already_free',
  held_by_other_token: 'held_by_other_token',
  not_held_by_token: 'not_held_by_token',
  hold_token_required: 'hold_token_required',
  hold_token_invalid: 'hold_token_invalid',
  hold_token_expired: 'hold_token_expired',
  previous_status_rejected: 'previous_status_rejected',
  insufficient_capacity: 'insufficient_capacity',
  quantity_not_allowed: 'quantity_not_allowed',
  too_many_places: 'too_many_places',
  too_many_places_for_client: 'too_many_places_for_client',
};

/** Parses a request with a zod schema, or answers 400 naming each wrong field. */
export const parse = parserFor(invalidRequest);

export const eventNotFound = (key: string) => problem(404, `Event not found: ${key}`);

function conflict(error: string, failures: ObjectFailure[]): ApiResponse {
  return { status: 409, body: { error, failed: failures.map((f) => ({ objectLabel: f.label, reason: wireReason[f.reason] })) } };
}

/** Reasons that mean the request itself is wrong rather than the places being taken. */
const invalidRequestReasons: ReadonlySet<DomainReason> = new Set(['object_not_found', 'duplicate_object', 'quantity_not_allowed', 'not_bookable']);

type Action = 'held' | 'booked' | 'released';

/** A 409's `error`, in the documented words: a booking fails because the token no longer holds what it names. */
const conflictMessages: Record<Action, string> = {
  held: 'One or more seats are not available',
  booked: 'One or more seats are no longer held by this token',
  released: 'One or more seats are neither held nor booked',
};

/** Every refusal of the booking layer, in this dialect's shape. */
export function refused(refusal: BuyerRefusal, eventKey: string, action: Action): ApiResponse {
  switch (refusal.kind) {
    case 'event_not_found':
      return eventNotFound(eventKey);
    case 'refused':
      return changeRefused(refusal.failure, action);
    case 'hold_too_long':
      return problem(400, 'Invalid request', { ttlSeconds: [`a hold lasts at most ${refusal.maxSeconds} seconds`] });
    case 'no_best_available':
      return problem(409, `Not enough adjacent free seats for ${refusal.number}`);
    case 'checkout_by_venue':
      return problem(403, "This event's checkout is the venue's: continue to its checkout page to book");
    case 'token_not_found':
      return problem(404, 'Hold token not found or expired');
    case 'extension_too_long':
      return problem(400, 'Invalid request', { ttlSeconds: [`a hold lasts at most ${refusal.maxSeconds} seconds in all`] });
    case 'extension_shortens':
      return problem(400, 'Invalid request', { ttlSeconds: ['an extension must make the hold last longer'] });
    case 'unknown_ticket_type':
      return problem(400, 'Invalid request', { [`ticketTypes.${refusal.label}`]: [`no ticket type ${refusal.ticketType} at this place's price`] });
  }
}

/** A refused change: 404 for an unknown event, 400 when the request names things that do not exist, else 409. */
function changeRefused(failure: ChangeFailure, action: Action): ApiResponse {
  if (failure.kind === 'event_not_found') return eventNotFound(failure.eventKey);
  const { failures } = failure;
  if (failures.every((f) => invalidRequestReasons.has(f.reason))) {
    return problem(400, 'Invalid request', { objectLabels: failures.map((f) => `${f.label}: ${reasonMessages[f.reason]}`) });
  }
  return conflict(conflictMessages[action], failures);
}
