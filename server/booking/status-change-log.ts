import { and, asc, eq, like, type SQL } from 'drizzle-orm';
import { extraData, statusChanges, type StatusChangeRow } from '../../db/schema';
import { BOOKED } from '../../contracts/statuses';
import { pageById, type Page, type PageRequest } from './paging';
import type { Store } from './store';

export type LogItem = Omit<StatusChangeRow, 'extraDataId'> & { extraData: string | null };

export type LogPage = Page<LogItem>;

/** The event's status changes, newest first, paged by id (seats.io's start_after_id / end_before_id). */
export function listStatusChanges(store: Store, eventId: number, page: PageRequest & { filter?: string }): LogPage {
  const conditions: SQL[] = [eq(statusChanges.eventId, eventId)];
  if (page.filter) conditions.push(like(statusChanges.label, `%${page.filter.replace(/[%_\\]/g, '\\$&')}%`));
  return pageById(page, statusChanges.id, (bound, order, limit) =>
    store.db
      .select({ change: statusChanges, extraData: extraData.json })
      .from(statusChanges)
      .leftJoin(extraData, eq(extraData.id, statusChanges.extraDataId))
      .where(and(...conditions, bound))
      .orderBy(order)
      .limit(limit)
      .all()
      .map(({ change: { extraDataId: _id, ...change }, extraData }) => ({ ...change, extraData })),
  );
}

/** What an order booked, from the log (general-admission places are counted there, not per order). */
export function bookedInOrder(store: Store, eventId: number, orderId: string): { label: string; quantity: number }[] {
  return store.db
    .select({ label: statusChanges.label, quantity: statusChanges.quantity })
    .from(statusChanges)
    .where(and(eq(statusChanges.eventId, eventId), eq(statusChanges.orderId, orderId), eq(statusChanges.status, BOOKED)))
    .orderBy(asc(statusChanges.seq))
    .all();
}
