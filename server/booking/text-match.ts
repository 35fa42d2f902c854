import type { Column, SQL } from 'drizzle-orm';
import type { Dialect } from '../../db/dialect';

/** How a text filter matches (seats.io's filterType). */
export const TEXT_MATCHES = ['CONTAINS', 'EQUALS', 'BEGINS_WITH', 'ENDS_WITH'] as const;
export type TextMatch = (typeof TEXT_MATCHES)[number];

/** `column` matching `text` as `how` says; `%`, `_` and `\` in the text match only themselves. */
export function matches(dialect: Dialect, column: Column, text: string, how: TextMatch = 'CONTAINS'): SQL {
  const escaped = text.replace(/[%_\\]/g, '\\$&');
  const pattern = how === 'EQUALS' ? escaped : how === 'BEGINS_WITH' ? `${escaped}%` : how === 'ENDS_WITH' ? `%${escaped}` : `%${escaped}%`;
  return dialect.like(column, pattern);
}
