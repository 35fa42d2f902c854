import { and, eq } from 'drizzle-orm';
import type { Store } from './store';
import type { EventHandle } from './event-state';
import { exec, one, transaction, type Steps } from '../../db/steps';

export type ExtraDataResult = { ok: true } | { ok: false; unknownLabels: string[] };

/** Replaces the extra data of seats, tables and booths; all labels or none. */
export function* updateExtraData(store: Store, event: EventHandle, data: Record<string, Record<string, unknown> | null>): Steps<ExtraDataResult> {
  const { eventObjects } = store.tables;
  const labels = Object.keys(data);
  const unknownLabels = labels.filter((l) => {
    const o = event.chart.byLabel.get(l);
    return !o || !o.bookable || o.type === 'generalAdmission';
  });
  if (unknownLabels.length) return { ok: false, unknownLabels };
  yield* transaction(function* () {
    // Each distinct value is stored once, however many objects it goes on.
    const ids = new Map<string, number>();
    for (const label of labels) {
      const value = data[label];
      const json = value == null ? null : JSON.stringify(value);
      let id = json === null ? null : ids.get(json);
      if (json !== null && id === undefined) ids.set(json, (id = (yield* one(store.statements.insertExtraData, { eventId: event.id, json }))!.id));
      yield* exec(
        store.db
          .update(eventObjects)
          .set({ extraDataId: id ?? null })
          .where(and(eq(eventObjects.eventId, event.id), eq(eventObjects.label, label))),
      );
    }
  });
  return { ok: true };
}
