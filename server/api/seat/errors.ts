import type { FailureReason, ObjectFailure } from '../../booking/failures';
import type { ApiResponse } from '../http';

/*
 * The seat dialect's error shapes (DESIGN.md): conflicts are 409 with every failed label and its reason;
 * everything else is `{statusCode, message, errors?}`.
 */

export function conflict(error: string, failures: ObjectFailure[]): ApiResponse {
  return { status: 409, body: { error, failed: failures.map((f) => ({ objectLabel: f.label, reason: f.reason })) } };
}

export function problem(statusCode: number, message: string, errors?: Record<string, string[]>): ApiResponse {
  return { status: statusCode, body: { statusCode, message, ...(errors ? { errors } : {}) } };
}

/** Reasons that mean the request itself is wrong rather than the seats being taken. */
const invalidRequestReasons: ReadonlySet<FailureReason> = new Set(['object_not_found', 'duplicate_object', 'quantity_not_allowed', 'not_bookable']);

export function isInvalidRequest(failures: ObjectFailure[]): boolean {
  return failures.every((f) => invalidRequestReasons.has(f.reason));
}
