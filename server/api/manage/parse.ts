import { parserFor } from '../parse';
import { invalidRequest } from '../problems';

/** Parses a request with a zod schema, or answers 400 naming each wrong field. */
export const parse = parserFor(invalidRequest);
