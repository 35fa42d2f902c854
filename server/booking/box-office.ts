import type { OrganiserChangeReply, OrganiserStep } from '../../contracts/manage-api';
import { BOOKED, FREE, HELD, NOT_FOR_SALE } from '../../contracts/statuses';
import { runChange, type ChangeFailure, type ObjectRef, type ObjectView, type StatusChangeRequest } from './change-status';
import { findEvent, objectViews, organiserObject } from './event-state';
import { gaCounts } from './general-admission';
import { bookedInOrder } from './status-change-log';
import type { Store } from './store';
import { one, transaction, type Steps } from '../../db/steps';

/*
 * The box office's changes: book with an order id, release, set a custom status, take places off sale and put them
 * back, as one all-or-nothing change
 * through the same transaction shell and rules as every other. Held places stay the buyer's: releasing or taking
 * one is refused like any change without its token. Each change answers with the steps that undo it.
 */

/** Off sale: places (free ones) go to the reserved status notForSale, which nobody can hold or book. */
export function offSaleRequest(eventKey: string, objects: ObjectRef[]): StatusChangeRequest {
  return { eventKeys: [eventKey], objects, kind: 'status', status: NOT_FOR_SALE, ignoreChannels: true };
}

/** Back on sale: only what is off sale becomes free. */
export function onSaleRequest(eventKey: string, objects: ObjectRef[]): StatusChangeRequest {
  return { eventKeys: [eventKey], objects, kind: 'release', status: FREE, allowedPreviousStatuses: [NOT_FOR_SALE] };
}

function request(eventKey: string, step: OrganiserStep): StatusChangeRequest {
  const objects = step.places.map(({ label, quantity, ticketType, extraData }) => ({
    label,
    ...(quantity !== undefined ? { quantity } : {}),
    ...(ticketType !== undefined ? { ticketType } : {}),
    ...(extraData !== undefined ? { extraData } : {}),
  }));
  const onlyIf = 'onlyIfStatus' in step ? step.onlyIfStatus : undefined;
  // The box office sells every place, whichever channel keeps it.
  const base = { eventKeys: [eventKey], objects, allowedPreviousStatuses: onlyIf ? [onlyIf] : null, ignoreChannels: true };
  switch (step.action) {
    case 'release':
      return { ...base, kind: 'release', status: FREE };
    case 'book':
      return { ...base, kind: 'status', status: BOOKED, orderId: step.orderId ?? null };
    case 'setStatus':
      return { ...base, kind: 'status', status: step.status };
    case 'markNotForSale':
      return { ...offSaleRequest(eventKey, objects), allowedPreviousStatuses: base.allowedPreviousStatuses };
    case 'markForSale':
      return onSaleRequest(eventKey, objects);
  }
}

type Place = OrganiserStep['places'][number];

/**
 * Places per status of an object (free ones not counted), the order id of a booked seat, and what a seat carries
 * besides its status (ticket type, extra data), which an undo gives back with it.
 */
function placesByStatus(view: ObjectView): { places: Map<string, number>; orderId: string | null; carried: Omit<Place, 'label' | 'quantity'> } {
  if (view.ga) return { places: new Map([...gaCounts(view.ga).byStatus].filter(([, q]) => q > 0)), orderId: null, carried: {} };
  const { status, orderId, ticketType, extraData } = view.seat!;
  const carried = { ...(ticketType ? { ticketType } : {}), ...(extraData ? { extraData: JSON.parse(extraData) as Record<string, unknown> } : {}) };
  return { places: new Map(status === FREE ? [] : [[status, 1]]), orderId, carried };
}

/**
 * The steps that take every object from `after` back to `before`: first give back what the change took (only
 * where it still stands), then restore what it gave up (bookings under their order ids). Held places never
 * change here, so there are none to restore.
 */
function undoSteps(before: ObjectView[], after: Map<string, ObjectView>): OrganiserStep[] {
  const steps = new Map<string, OrganiserStep>();
  const add = (key: string, make: () => OrganiserStep, label: string, quantity: number | undefined, carried: Omit<Place, 'label' | 'quantity'> = {}) =>
    (steps.get(key) ?? steps.set(key, make()).get(key)!).places.push({ label, ...(quantity !== undefined ? { quantity } : {}), ...carried });
  for (const was of before) {
    const now = after.get(was.object.label);
    if (!now) continue;
    const label = was.object.label;
    const ga = was.object.type === 'generalAdmission';
    const [then, current] = [placesByStatus(was), placesByStatus(now)];
    for (const status of new Set([...then.places.keys(), ...current.places.keys()])) {
      const difference = (current.places.get(status) ?? 0) - (then.places.get(status) ?? 0);
      if (difference > 0) {
        add(`release\u0000${status}`, () => ({ action: 'release', places: [], onlyIfStatus: status }), label, ga ? difference : undefined);
      } else if (difference < 0 && status !== HELD) {
        const quantity = ga ? -difference : undefined;
        if (status === BOOKED) {
          const orderId = then.orderId ?? undefined;
          add(`book\u0000${orderId ?? ''}`, () => ({ action: 'book', places: [], ...(orderId ? { orderId } : {}) }), label, quantity, then.carried);
        } else if (status === NOT_FOR_SALE) {
          add('off sale', () => ({ action: 'markNotForSale', places: [] }), label, quantity, then.carried);
        } else {
          add(`status\u0000${status}`, () => ({ action: 'setStatus', places: [], status }), label, quantity, then.carried);
        }
      }
    }
  }
  const all = [...steps.values()];
  return [...all.filter((s) => s.action === 'release'), ...all.filter((s) => s.action !== 'release')];
}

export function* organiserChange(
  store: Store,
  workspaceId: number,
  eventKey: string,
  steps: OrganiserStep[],
): Steps<{ ok: true; reply: OrganiserChangeReply } | { ok: false; failure: ChangeFailure }> {
  let before: ObjectView[] = [];
  const labels = [...new Set(steps.flatMap((s) => s.places.map((p) => p.label)))];
  // The objects are read inside the change's transaction, so the undo is computed from exactly what it changed.
  const result = yield* runChange(
    store,
    workspaceId,
    function* () {
      const event = yield* findEvent(store, eventKey, workspaceId);
      before = event ? yield* objectViews(store, event, labels) : [];
      return steps.map((step) => request(eventKey, step));
    },
    { origin: 'ORGANISER', events: [eventKey] },
  );
  if (!result.ok) return result;
  const after = new Map(result.results.flat().map((view) => [view.object.label, view]));
  return { ok: true, reply: { changed: [...after.values()].map(organiserObject), undo: { steps: undoSteps(before, after) } } };
}

/** One place as the box office's card shows it: who has it, until when, under which order. */
export type PlaceDetails = {
  label: string;
  status: string;
  orderId: string | null;
  ticketType: string | null;
  holdExpiresAt: number | null;
  extraData: string | null;
  /** Standing areas: places per status. */
  places?: Record<string, number>;
};

export function placeDetails(store: Store, workspaceId: number, eventKey: string, label: string): Steps<PlaceDetails | undefined> {
  return transaction(function* () {
    const event = yield* findEvent(store, eventKey, workspaceId);
    const view = event && (yield* objectViews(store, event, [label]))[0];
    if (!view) return undefined;
    if (view.ga) {
      const { status, places } = organiserObject(view);
      return { label, status, orderId: null, ticketType: null, holdExpiresAt: null, extraData: null, places };
    }
    const { status, orderId, ticketType, holdToken, extraData } = view.seat!;
    const holdExpiresAt = holdToken ? ((yield* one(store.statements.holdToken, { token: holdToken }))?.expiresAt ?? null) : null;
    return { label, status, orderId, ticketType, holdExpiresAt, extraData };
  });
}

/** At most this many places answer a search: enough to see, little enough to draw. */
const SEARCH_LIMIT = 500;

/** Places whose label contains the query (any case), and the places of the order it names. */
export function searchPlaces(store: Store, workspaceId: number, eventKey: string, query: string): Steps<{ labels: string[]; truncated: boolean } | undefined> {
  return transaction(function* () {
    const event = yield* findEvent(store, eventKey, workspaceId);
    if (!event) return undefined;
    const needle = query.toLowerCase();
    const found = new Set((yield* bookedInOrder(store, event.id, query)).map((p) => p.label));
    for (const object of event.chart.definition.objects) {
      if (found.size > SEARCH_LIMIT) break;
      if (object.bookable && object.label.toLowerCase().includes(needle)) found.add(object.label);
    }
    const labels = [...found];
    return { labels: labels.slice(0, SEARCH_LIMIT), truncated: labels.length > SEARCH_LIMIT };
  });
}
