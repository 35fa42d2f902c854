/** Why one object of a status change was refused. A closed set: each API dialect maps every reason. */
export type FailureReason =
  | 'object_not_found'
  | 'not_bookable'
  | 'not_for_sale'
  | 'not_in_channel'
  | 'duplicate_object'
  | 'already_taken'
  | 'already_free'
  | 'held_by_other_token'
  | 'not_held_by_token'
  | 'hold_token_required'
  | 'hold_token_invalid'
  | 'hold_token_expired'
  | 'previous_status_rejected'
  | 'insufficient_capacity'
  | 'quantity_not_allowed'
  | 'too_many_places'
  | 'too_many_places_for_client';

export type ObjectFailure = { eventKey: string; label: string; reason: FailureReason; status?: string };

export const reasonMessages: Record<FailureReason, string> = {
  object_not_found: 'no such object on the chart',
  not_bookable: 'cannot be booked on its own',
  not_for_sale: 'not for sale',
  not_in_channel: 'is in a channel the request does not name',
  duplicate_object: 'appears more than once in the request',
  already_taken: 'is not available',
  already_free: 'is already free',
  held_by_other_token: 'is held by another hold token',
  not_held_by_token: 'is not held by this hold token',
  hold_token_required: 'is held: the hold token is required',
  hold_token_invalid: 'hold token not found',
  hold_token_expired: 'hold token has expired',
  previous_status_rejected: 'its current status does not allow this change',
  insufficient_capacity: 'not enough free places',
  quantity_not_allowed: 'quantity applies to general-admission areas only',
  too_many_places: 'more places than one order may hold',
  too_many_places_for_client: 'more places than one buyer may hold at this event',
};
