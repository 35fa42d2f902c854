import type { FieldIssue } from '../field-issues';
import type { ApiResponse } from './router';

/*
 * The error shape of the APIs our own pages and buyers' browsers call (the buyer API, the organiser API):
 * `{statusCode, message, errors?}`, where `errors` names the wrong fields of a 400.
 */

export function problem(statusCode: number, message: string, errors?: Record<string, string[]>): ApiResponse {
  return { status: statusCode, body: { statusCode, message, ...(errors ? { errors } : {}) } };
}

export function invalidRequest(issues: FieldIssue[]): ApiResponse {
  const errors = new Map<string, string[]>();
  for (const issue of issues) errors.set(issue.path, [...(errors.get(issue.path) ?? []), issue.message]);
  return problem(400, 'Invalid request', Object.fromEntries(errors));
}
