import { and, asc, desc, eq, gt, like, lt, type SQL } from 'drizzle-orm';
import { extraData, statusChanges, type StatusChangeRow } from '../../db/schema';
import { BOOKED } from '../../contracts/statuses';
import type { Store } from './store';

export type LogItem = Omit<StatusChangeRow, 'extraDataId'> & { extraData: string | null };

export type LogPage = { items: LogItem[]; nextPageStartsAfter?: number; previousPageEndsBefore?: number };

/** The event's status changes, newest first, paged by id (seats.io's start_after_id / end_before_id). */
export function listStatusChanges(
  store: Store,
  eventId: number,
  page: { limit: number; startAfterId?: number; endBeforeId?: number; filter?: string },
): LogPage {
  const conditions: SQL[] = [eq(statusChanges.eventId, eventId)];
  if (page.filter) conditions.push(like(statusChanges.label, `%${page.filter.replace(/[%_\\]/g, '\\$&')}%`));
  const backwards = page.endBeforeId !== undefined && page.startAfterId === undefined;
  if (page.startAfterId !== undefined) conditions.push(lt(statusChanges.id, page.startAfterId));
  if (backwards) conditions.push(gt(statusChanges.id, page.endBeforeId!));
  const rows = store.db
    .select({ change: statusChanges, extraData: extraData.json })
    .from(statusChanges)
    .leftJoin(extraData, eq(extraData.id, statusChanges.extraDataId))
    .where(and(...conditions))
    .orderBy(backwards ? asc(statusChanges.id) : desc(statusChanges.id))
    .limit(page.limit + 1)
    .all();
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit).map(({ change: { extraDataId: _id, ...change }, extraData }) => ({ ...change, extraData }));
  if (backwards) items.reverse();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    items,
    ...((backwards ? page.startAfterId === undefined : more) && last ? { nextPageStartsAfter: last.id } : {}),
    ...((backwards ? more : page.startAfterId !== undefined) && first ? { previousPageEndsBefore: first.id } : {}),
  };
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
