import type { FieldIssue } from '../field-issues';
import type { Problem } from './pipeline';
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

const statusOf: Record<Problem, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  malformed_json: 400,
  too_large: 413,
  internal_error: 500,
};

/** The pipeline's refusals (no route, no credentials, bad JSON…) in this shape. */
export function pipelineProblem(kind: Problem, message: string): ApiResponse {
  return problem(statusOf[kind], message);
}
