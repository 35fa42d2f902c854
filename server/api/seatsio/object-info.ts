import { z } from 'zod';
import type { ChartDefinition, ChartObject } from '../../../contracts/chart';
import { FREE, NOT_FOR_SALE } from '../../../contracts/statuses';
import type { ObjectView } from '../../booking/change-status';
import { publicState } from '../../booking/event-state';
import { gaCounts } from '../../booking/general-admission';
import { MAX_OBJECTS } from './schemas';
import type { Router } from '../router';
import { withEvent, type SeatsioContext } from './context';
import { objectInfo } from './replies';
import { error, objectsNotFound, ok } from './responses';

/** `GET /events/{key}/objects?label=…`: seats.io's EventObjectInfo per label. */
export function objectInfoRoutes(router: Router<SeatsioContext>): void {
  router.on(
    'GET',
    '/events/:key/objects',
    async (req, c) =>
      await withEvent(c, req.params.key!, async (event) => {
        const labels = req.query.getAll('label');
        if (!labels.length) return error('INVALID_REQUEST', 'label: at least one label is required');
        if (labels.length > MAX_OBJECTS) return error('INVALID_REQUEST', `label: at most ${MAX_OBJECTS} labels`);
        const unknown = labels.filter((l) => !event.chart.byLabel.get(l)?.bookable);
        if (unknown.length) return objectsNotFound(unknown);
        return ok(objectsByLabel(await c.booking.objectViews(event, labels)));
      }),
    {
      summary: 'Objects of an event, by label',
      access: 'secretKey',
      query: z.object({ label: z.union([z.string(), z.array(z.string())]).meta({ description: 'One label per `label` parameter, up to 1000' }) }),
      responses: { 200: { description: 'EventObjectInfo per label', schema: z.record(z.string(), objectInfo) } },
    },
  );
}

/** `{label: EventObjectInfo}`, as status changes and object info answer. */
export function objectsByLabel(views: ObjectView[]): Record<string, unknown> {
  return Object.fromEntries(views.map((v) => [v.object.label, eventObjectInfo(v)]));
}

/** The label of `object` without its section prefix: `A` for row `Section A-A`. */
function withoutSection(object: ChartObject, label: string): string {
  return object.section && label.startsWith(`${object.section}-`) ? label.slice(object.section.length + 1) : label;
}

/** seats.io's ChartObjectInfo: what the chart says of an object, fields seats.io would omit left out, never null. */
export function chartObjectInfo(object: ChartObject, chart: ChartDefinition): Record<string, unknown> {
  const category = chart.categories.find((c) => String(c.key) === object.categoryKey);
  const parent = object.parent ? { label: withoutSection(object, object.parent.label), type: object.parent.type } : undefined;
  const info: Record<string, unknown> = {
    label: object.label,
    labels: {
      own: { label: object.own, type: object.type === 'seat' ? 'seat' : object.type },
      ...(parent ? { parent } : {}),
      ...(object.section ? { section: object.section } : {}),
    },
    ids: { own: object.own, ...(parent ? { parent: parent.label } : {}), ...(object.section ? { section: object.section } : {}) },
    objectType: object.type,
    // No displayedObjectType: seats.io sends it only where the chart's designer set one, and Tessera's charts have none.
    ...(category ? { categoryKey: String(category.key), categoryLabel: category.label } : {}),
    ...(object.section ? { section: object.section } : {}),
    ...(object.entrance ? { entrance: object.entrance } : {}),
    isAccessible: object.accessible ?? false,
    isCompanionSeat: object.companionSeat ?? false,
    hasRestrictedView: object.restrictedView ?? false,
    // Flags seats.io has that Tessera's charts do not carry: present, as seats.io always sends them, and false.
    hasLiftUpArmrests: false,
    isHearingImpaired: false,
    isSemiAmbulatorySeat: false,
    hasSignLanguageInterpretation: false,
    isPlusSize: false,
    ...(object.leftNeighbour ? { leftNeighbour: object.leftNeighbour } : {}),
    ...(object.rightNeighbour ? { rightNeighbour: object.rightNeighbour } : {}),
    ...(object.bookAsAWhole ? { bookAsAWhole: true } : {}),
    ...(object.seats && object.type === 'table' ? { numSeats: object.seats.length } : {}),
    ...(object.type === 'generalAdmission' ? { capacity: object.capacity ?? 0 } : {}),
  };
  if (chart.focalPoint) info.distanceToFocalPoint = float32Distance(object, chart.focalPoint);
  return info;
}

/**
 * The distance as seats.io reports it: computed in 32-bit floats, and written as the shortest decimal that reads back
 * as the same float (as a float prints in Java), so values match seats.io's to the last digit.
 */
export function float32Distance(from: { x: number; y: number }, to: { x: number; y: number }): number {
  const f = Math.fround;
  const dx = f(f(from.x) - f(to.x));
  const dy = f(f(from.y) - f(to.y));
  const distance = f(Math.sqrt(f(f(dx * dx) + f(dy * dy))));
  for (let digits = 1; digits < 9; digits++) {
    const shortest = Number(distance.toPrecision(digits));
    if (f(shortest) === distance) return shortest;
  }
  return Number(distance.toPrecision(9));
}

/** seats.io's EventObjectInfo: the chart's info, the object's channel, and its state at the event. */
export function eventObjectInfo(view: ObjectView): Record<string, unknown> {
  const info = { ...chartObjectInfo(view.object, view.chart.definition), ...(view.channel ? { channel: view.channel } : {}) };
  if (view.ga) {
    const counts = gaCounts(view.ga);
    const { status } = publicState(view);
    const holds = Object.fromEntries([...counts.heldByToken].map(([token, quantity]) => [token, { NO_TICKET_TYPE: quantity }]));
    const numNotForSale = counts.byStatus.get(NOT_FOR_SALE) ?? 0;
    Object.assign(info, {
      status,
      capacity: view.ga.capacity,
      numBooked: counts.numBooked - numNotForSale,
      numHeld: counts.numHeld,
      numFree: counts.numFree,
      ...(numNotForSale ? { numNotForSale } : {}),
      forSale: numNotForSale < view.ga.capacity,
      isAvailable: status === FREE,
      availabilityReason: status === FREE ? 'available' : status,
      ...(Object.keys(holds).length ? { holds } : {}),
    });
    return info;
  }
  const seat = view.seat!;
  // Off sale (the box office's notForSale status) reads as seats.io has it: free, but not for sale.
  const forSale = seat.forSale && seat.status !== NOT_FOR_SALE;
  const status = seat.status === NOT_FOR_SALE ? FREE : seat.status;
  const available = status === FREE && forSale;
  Object.assign(info, {
    status,
    forSale,
    isAvailable: available,
    availabilityReason: available ? 'available' : status !== FREE ? status : 'not_for_sale',
    ...(seat.holdToken ? { holdToken: seat.holdToken } : {}),
    ...(seat.orderId ? { orderId: seat.orderId } : {}),
    ...(seat.ticketType ? { ticketType: seat.ticketType } : {}),
    ...(seat.extraData ? { extraData: JSON.parse(seat.extraData) } : {}),
  });
  return info;
}
