import { and, asc, eq, gt } from 'drizzle-orm';
import { objectPrice } from '../../contracts/prices';
import { FREE } from '../../contracts/statuses';
import { findEvent, objectViews } from './event-state';
import { eventByKey } from './events';
import { gaCounts } from './general-admission';
import type { Store } from './store';
import { many, one, transaction, type Steps } from '../../db/steps';

/*
 * The box office's exports, read a page at a time: each page in its own short read (the caller asks for the next),
 * so a 100,000-row export neither holds the database nor sits in memory whole. Pages are consistent in themselves;
 * changes made while an export runs show in the pages read after them.
 */

const PAGE = 1000;

export type PlaceRow = {
  label: string;
  type: string;
  section: string | null;
  category: string | null;
  status: string;
  /** Places in this row: one for a seat, table or booth; a standing area has a row per status. */
  quantity: number;
  price: number | null;
  ticketType: string | null;
  orderId: string | null;
  holdExpiresAt: number | null;
};

export type LogRow = {
  seq: number;
  at: number;
  label: string;
  status: string;
  quantity: number;
  orderId: string | null;
  origin: string;
  extraData: string | null;
};

/** A page of rows and where the next begins (null after the last). */
export type RowPage<Row> = { rows: Row[]; next: number | null };

/** The event's places in chart order, a page from the `start`-th; undefined when the workspace has no such event. */
export function* placeRows(store: Store, workspaceId: number, eventKey: string, start: number): Steps<RowPage<PlaceRow> | undefined> {
  const event = yield* findEvent(store, eventKey, workspaceId);
  if (!event) return undefined;
  const pricing = (yield* eventByKey(store, workspaceId, eventKey))?.pricing;
  const categories = new Map(event.chart.definition.categories.map((c) => [String(c.key), c.label]));
  const places = event.chart.definition.objects.filter((o) => o.bookable);
  const labels = places.slice(start, start + PAGE).map((o) => o.label);
  const rows = yield* transaction(function* () {
    const page: PlaceRow[] = [];
    for (const { object, seat, ga } of yield* objectViews(store, event, labels)) {
      const base = {
        label: object.label,
        type: object.type,
        section: object.section ?? null,
        category: categories.get(object.categoryKey ?? '') ?? null,
      };
      if (seat) {
        const { status, ticketType, orderId, holdToken } = seat;
        const price = objectPrice(pricing, object, ticketType) ?? null;
        const holdExpiresAt = holdToken ? ((yield* one(store.statements.holdToken, { token: holdToken }))?.expiresAt ?? null) : null;
        page.push({ ...base, status, quantity: 1, price, ticketType, orderId, holdExpiresAt });
        continue;
      }
      const price = objectPrice(pricing, object) ?? null;
      const counts = gaCounts(ga!);
      const row = (status: string, quantity: number): PlaceRow => ({ ...base, status, quantity, price, ticketType: null, orderId: null, holdExpiresAt: null });
      page.push(row(FREE, counts.numFree), ...[...counts.byStatus].filter(([, q]) => q > 0).map(([status, q]) => row(status, q)));
    }
    return page;
  });
  return { rows, next: start + PAGE < places.length ? start + PAGE : null };
}

/** The event's status-change log, oldest first, a page from after `afterSeq`; undefined when the workspace has no such event. */
export function* logRows(store: Store, workspaceId: number, eventKey: string, afterSeq: number): Steps<RowPage<LogRow> | undefined> {
  const { extraData, statusChanges } = store.tables;
  const event = yield* findEvent(store, eventKey, workspaceId);
  if (!event) return undefined;
  const rows = yield* many(
    store.db
      .select({
        seq: statusChanges.seq,
        at: statusChanges.createdAt,
        label: statusChanges.label,
        status: statusChanges.status,
        quantity: statusChanges.quantity,
        orderId: statusChanges.orderId,
        origin: statusChanges.origin,
        extraData: extraData.json,
      })
      .from(statusChanges)
      .leftJoin(extraData, eq(extraData.id, statusChanges.extraDataId))
      .where(and(eq(statusChanges.eventId, event.id), gt(statusChanges.seq, afterSeq)))
      .orderBy(asc(statusChanges.seq))
      .limit(PAGE),
  );
  return { rows, next: rows.length === PAGE ? rows[rows.length - 1]!.seq : null };
}
