import type { z } from 'zod';
import { fieldIssues, type FieldIssue } from '../field-issues';
import type { ApiResponse } from './router';

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: ApiResponse };

/** A parser for a dialect: a valid value, or the dialect's 400 naming each wrong field. */
export function parserFor(invalid: (issues: FieldIssue[]) => ApiResponse) {
  return <S extends z.ZodType>(schema: S, value: unknown): Parsed<z.infer<S>> => {
    const result = schema.safeParse(value);
    if (result.success) return { ok: true, value: result.data };
    return { ok: false, response: invalid(fieldIssues(result.error, 10)) };
  };
}
