import { randomUUID } from 'node:crypto';
import type { ChangeFailure } from '../../booking/change-status';
import type { Page, PageRequest } from '../../booking/paging';
import { reasonMessages, type FailureReason, type ObjectFailure } from '../../booking/failures';
import type { FieldIssue } from '../../field-issues';
import { parserFor } from '../parse';
import type { ApiResponse } from '../router';

/*
 * Every response shape of the seats.io dialect: success bodies go out as they are; errors as
 * `{status, messages, errors: [{code, message}], warnings, requestId}` with a closed set of codes.
 */

export const ok = (body?: unknown): ApiResponse => (body === undefined ? { status: 204 } : { status: 200, body });

/** seats.io's paging parameters (snake case on the wire) as the booking layer takes them. */
export function pageRequest(query: { limit: number; start_after_id?: number | undefined; end_before_id?: number | undefined }): PageRequest {
  return {
    limit: query.limit,
    ...(query.start_after_id !== undefined ? { startAfterId: query.start_after_id } : {}),
    ...(query.end_before_id !== undefined ? { endBeforeId: query.end_before_id } : {}),
  };
}

/** A page as seats.io answers it: the items, and where the next and previous pages begin. */
export async function pageReply<T>(page: Page<T>, item: (t: T) => unknown): Promise<ApiResponse> {
  return ok({
    items: await Promise.all(page.items.map(item)),
    ...(page.nextPageStartsAfter !== undefined ? { next_page_starts_after: page.nextPageStartsAfter } : {}),
    ...(page.previousPageEndsBefore !== undefined ? { previous_page_ends_before: page.previousPageEndsBefore } : {}),
  });
}

/** Every error code the seats.io dialect answers with, and its HTTP status. */
const statusByCode = {
  INVALID_REQUEST: 400,
  ILLEGAL_STATUS_CHANGE: 400,
  OBJECT_NOT_FOUND: 400,
  HOLD_TOKEN_REQUIRED: 400,
  HOLD_TOKEN_INVALID: 400,
  HOLD_TOKEN_EXPIRED: 400,
  INSUFFICIENT_CAPACITY: 400,
  EVENT_KEY_ALREADY_EXISTS: 400,
  CHART_KEY_ALREADY_EXISTS: 400,
  HOLD_TOKEN_TOO_LONG: 400,
  BEST_AVAILABLE_NOT_FOUND: 400,
  EVENT_NOT_FOUND: 404,
  CHART_NOT_FOUND: 404,
  HOLD_TOKEN_NOT_FOUND: 404,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL_ERROR: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof statusByCode;
export const ERROR_CODES = Object.keys(statusByCode) as [ErrorCode, ...ErrorCode[]];

type ErrorEntry = { code: ErrorCode; message: string };

/** The one builder of seats.io-shaped error bodies: one entry per problem, all with one HTTP status (the first's). */
function seatsioError(entries: ErrorEntry[]): ApiResponse {
  const first = entries[0];
  if (!first) throw new Error('an error response names at least one error');
  const status = statusByCode[first.code];
  return {
    status,
    body: {
      status,
      messages: entries.map((e) => e.message),
      errors: entries.map((e) => ({ code: e.code, message: e.message })),
      warnings: [],
      requestId: randomUUID(),
    },
  };
}

export function error(code: ErrorCode, message: string): ApiResponse {
  return seatsioError([{ code, message }]);
}

const codeByReason: Record<FailureReason, ErrorCode> = {
  object_not_found: 'OBJECT_NOT_FOUND',
  not_bookable: 'ILLEGAL_STATUS_CHANGE',
  not_for_sale: 'ILLEGAL_STATUS_CHANGE',
  not_in_channel: 'ILLEGAL_STATUS_CHANGE',
  duplicate_object: 'INVALID_REQUEST',
  already_taken: 'ILLEGAL_STATUS_CHANGE',
  already_free: 'ILLEGAL_STATUS_CHANGE',
  held_by_other_token: 'ILLEGAL_STATUS_CHANGE',
  not_held_by_token: 'ILLEGAL_STATUS_CHANGE',
  hold_token_required: 'HOLD_TOKEN_REQUIRED',
  hold_token_invalid: 'HOLD_TOKEN_INVALID',
  hold_token_expired: 'HOLD_TOKEN_EXPIRED',
  previous_status_rejected: 'ILLEGAL_STATUS_CHANGE',
  insufficient_capacity: 'INSUFFICIENT_CAPACITY',
  quantity_not_allowed: 'INVALID_REQUEST',
  too_many_places: 'ILLEGAL_STATUS_CHANGE',
  too_many_places_for_client: 'ILLEGAL_STATUS_CHANGE',
};

/** A refused status change: one entry per failing object, naming it and the reason. */
function objectFailures(failures: ObjectFailure[]): ApiResponse {
  const entries = failures.map((f): ErrorEntry => ({
    code: codeByReason[f.reason],
    message: `${f.label}: ${reasonMessages[f.reason]}${f.status && f.reason === 'already_taken' ? ` (status ${f.status})` : ''}`,
  }));
  return seatsioError(entries);
}

/** A status change the booking layer refused: the unknown event, or every refused object. */
export function changeRefused(failure: ChangeFailure): ApiResponse {
  return failure.kind === 'event_not_found' ? eventNotFound(failure.eventKey) : objectFailures(failure.failures);
}

/** A request that does not parse: one entry per wrong field. */
export function invalidRequest(issues: FieldIssue[]): ApiResponse {
  return seatsioError(issues.map((i) => ({ code: 'INVALID_REQUEST', message: `${i.path}: ${i.message}` })));
}

/** In seats.io's words. */
export const chartNotFound = (key: string, workspaceKey: string) =>
  error('CHART_NOT_FOUND', `Chart not found: ${key} was not found in workspace ${workspaceKey}`);

export const eventNotFound = (key: string) => error('EVENT_NOT_FOUND', `Event not found: ${key}`);

/** Objects a request names that the chart does not have: one entry each. */
export function objectsNotFound(labels: string[]): ApiResponse {
  return seatsioError(labels.map((l) => ({ code: 'OBJECT_NOT_FOUND', message: `Object not found: ${l}` })));
}

/** Parses a request with a zod schema, or answers INVALID_REQUEST naming each wrong field. */
export const parse = parserFor(invalidRequest);
