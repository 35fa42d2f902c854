import type { z } from 'zod';

/** Which field is wrong and why: `{ path: "objects[3].objectId", message: "Invalid input" }`. */
export type FieldIssue = { path: string; message: string };

/** A field's path as JavaScript would write it: `subChart.rows[0].seats[1].label`; `body` for the whole value. */
function fieldPath(path: readonly PropertyKey[]): string {
  const joined = path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '');
  return joined || 'body';
}

/** The issues of a failed zod parse, each with its field's path; the first `limit` of them. */
export function fieldIssues(error: z.ZodError, limit = 20): FieldIssue[] {
  return error.issues.slice(0, limit).map((issue) => ({ path: fieldPath(issue.path), message: issue.message }));
}
