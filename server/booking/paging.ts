import { asc, desc, gt, lt, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/*
 * seats.io's paging of lists (status changes, events): newest first by id; `start_after_id` asks for the page after
 * an id, `end_before_id` for the page before one, and each page says where the next and previous begin.
 */

export type PageRequest = { limit: number; startAfterId?: number; endBeforeId?: number };
export type Page<T> = { items: T[]; nextPageStartsAfter?: number; previousPageEndsBefore?: number };

/**
 * One page by `id`: `fetch` reads at most `limit` rows matching `bound` (undefined for the first page) in `order`;
 * one row more than the page tells whether there is another.
 */
export function pageById<T extends { id: number }>(
  page: PageRequest,
  id: SQLiteColumn,
  fetch: (bound: SQL | undefined, order: SQL, limit: number) => T[],
): Page<T> {
  const backwards = page.endBeforeId !== undefined && page.startAfterId === undefined;
  const bound = page.startAfterId !== undefined ? lt(id, page.startAfterId) : backwards ? gt(id, page.endBeforeId!) : undefined;
  const rows = fetch(bound, backwards ? asc(id) : desc(id), page.limit + 1);
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit);
  if (backwards) items.reverse();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    items,
    ...((backwards ? page.startAfterId === undefined : more) && last ? { nextPageStartsAfter: last.id } : {}),
    ...((backwards ? more : page.startAfterId !== undefined) && first ? { previousPageEndsBefore: first.id } : {}),
  };
}
