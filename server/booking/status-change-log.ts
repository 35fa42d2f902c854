import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { StatusChangeRow } from '../../db/schema';
import { BOOKED } from '../../contracts/statuses';
import { pageById, type Page, type PageRequest } from './paging';
import { matches, type TextMatch } from './text-match';
import type { Store } from './store';
import { many, one, type Steps } from '../../db/steps';

export type LogItem = Omit<StatusChangeRow, 'extraDataId'> & { extraData: string | null };

export type LogPage = Page<LogItem>;

export const LOG_SORTS = ['objectLabel', 'status', 'date'] as const;

export type LogQuery = PageRequest & {
  /** Labels matching `text` as `type` says (seats.io's filter and filterType). */
  filter?: { text: string; type: TextMatch };
  /** One object's changes only. */
  label?: string;
  /** By label, status or date, ties newest first; newest first without. */
  sort?: { field: (typeof LOG_SORTS)[number]; ascending: boolean };
};

/** The event's status changes, paged by id (seats.io's start_after_id / end_before_id), in the order asked for. */
export function* listStatusChanges(store: Store, eventId: number, query: LogQuery): Steps<LogPage> {
  const { extraData, statusChanges } = store.tables;
  const conditions: SQL[] = [eq(statusChanges.eventId, eventId)];
  if (query.label !== undefined) conditions.push(eq(statusChanges.label, query.label));
  if (query.filter) conditions.push(matches(store.dialect, statusChanges.label, query.filter.text, query.filter.type));
  const { sort } = query;
  const column = sort && sort.field !== 'date' ? { objectLabel: statusChanges.label, status: statusChanges.status }[sort.field] : undefined;
  const order = column
    ? {
        column,
        ascending: sort!.ascending,
        valueAt: function* (id: number): Steps<unknown> {
          return (yield* one(store.db.select({ value: column }).from(statusChanges).where(eq(statusChanges.id, id))))?.value;
        },
      }
    : sort?.ascending
      ? { oldestFirst: true as const }
      : undefined;
  return yield* pageById(
    query,
    statusChanges.id,
    function* (bound, orderBy, limit) {
      const rows = yield* many(
        store.db
          .select({ change: statusChanges, extraData: extraData.json })
          .from(statusChanges)
          .leftJoin(extraData, eq(extraData.id, statusChanges.extraDataId))
          .where(and(...conditions, bound))
          .orderBy(...orderBy)
          .limit(limit),
      );
      return rows.map(({ change: { extraDataId: _id, ...change }, extraData }) => ({ ...change, extraData }));
    },
    order,
  );
}

/** What an order booked, from the log (general-admission places are counted there, not per order). */
export function bookedInOrder(store: Store, eventId: number, orderId: string): Steps<{ label: string; quantity: number }[]> {
  const { statusChanges } = store.tables;
  return many(
    store.db
      .select({ label: statusChanges.label, quantity: statusChanges.quantity })
      .from(statusChanges)
      .where(and(eq(statusChanges.eventId, eventId), eq(statusChanges.orderId, orderId), eq(statusChanges.status, BOOKED)))
      .orderBy(asc(statusChanges.seq)),
  );
}
