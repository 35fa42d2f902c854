import { and, asc, desc, eq, gt, lt, or, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Steps } from '../../db/steps';

/*
 * seats.io's paging of lists (status changes, events): by default newest first by id; `start_after_id` asks for the
 * page after an item, `end_before_id` for the page before one, and each page says where the next and previous
 * begin. A list may be sorted by another column, ties newest first; pages then follow that order.
 */

export type PageRequest = { limit: number; startAfterId?: number; endBeforeId?: number };
export type Page<T> = { items: T[]; nextPageStartsAfter?: number; previousPageEndsBefore?: number };

/** A sort by `column` (ties newest first), with the value of `column` for an item, to page from it. */
export type SortBy = { column: SQLiteColumn; ascending: boolean; valueAt: (id: number) => Steps<unknown> };

type Key = { column: SQLiteColumn; ascending: boolean; value: unknown };

/** Rows after the anchor in the order the keys give (lexicographic): `k1 ≻ v1 or (k1 = v1 and k2 ≻ v2)`. */
function after(keys: Key[]): SQL {
  const [first, ...rest] = keys;
  const beyond = first!.ascending ? gt(first!.column, first!.value) : lt(first!.column, first!.value);
  return rest.length ? or(beyond, and(eq(first!.column, first!.value), after(rest)))! : beyond;
}

/**
 * One page: `fetch` reads at most `limit` rows matching `bound` (undefined for the first page) in `order`; one row
 * more than the page tells whether there is another. Without `sort`, newest first by `id`; `oldestFirst` reverses it.
 */
export function* pageById<T extends { id: number }>(
  page: PageRequest,
  id: SQLiteColumn,
  fetch: (bound: SQL | undefined, order: SQL[], limit: number) => Steps<T[]>,
  sort?: SortBy | { oldestFirst: true },
): Steps<Page<T>> {
  const backwards = page.endBeforeId !== undefined && page.startAfterId === undefined;
  const anchorId = backwards ? page.endBeforeId! : page.startAfterId;
  const byColumn = sort && 'column' in sort ? sort : undefined;
  const keys: Key[] = [
    ...(byColumn ? [{ column: byColumn.column, ascending: byColumn.ascending, value: anchorId === undefined ? null : yield* byColumn.valueAt(anchorId) }] : []),
    { column: id, ascending: sort !== undefined && 'oldestFirst' in sort, value: anchorId },
    // Backwards: the same order flipped, from the anchor, then the page turned round.
  ].map((k) => (backwards ? { ...k, ascending: !k.ascending } : k));
  const bound = anchorId === undefined ? undefined : after(keys);
  const rows = yield* fetch(
    bound,
    keys.map((k) => (k.ascending ? asc(k.column) : desc(k.column))),
    page.limit + 1,
  );
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
