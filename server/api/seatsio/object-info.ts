import type { ChartObject } from '../../charts/chart-model';
import { distanceToFocalPoint } from '../../charts/chart-model';
import type { ObjectView } from '../../booking/change-status';
import { gaCounts } from '../../booking/event-state';
import { FREE } from '../../booking/status-rules';

/** The label of `object` without its section prefix: `A` for row `Section A-A`. */
function withoutSection(object: ChartObject, label: string): string {
  return object.section && label.startsWith(`${object.section}-`) ? label.slice(object.section.length + 1) : label;
}

const displayedType: Record<ChartObject['type'], string> = { seat: 'Seat', table: 'Table', booth: 'Booth', generalAdmission: 'General Admission' };

/** seats.io's EventObjectInfo: fields seats.io would omit are left out, never null. */
export function eventObjectInfo(view: ObjectView): Record<string, unknown> {
  const { object, chart } = view;
  const category = chart.definition.categories.find((c) => String(c.key) === object.categoryKey);
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
    displayedObjectType: displayedType[object.type],
    ...(category ? { categoryKey: String(category.key), categoryLabel: category.label } : {}),
    ...(object.section ? { section: object.section } : {}),
    ...(object.entrance ? { entrance: object.entrance } : {}),
    isAccessible: object.accessible ?? false,
    isCompanionSeat: object.companionSeat ?? false,
    hasRestrictedView: object.restrictedView ?? false,
    ...(object.leftNeighbour ? { leftNeighbour: object.leftNeighbour } : {}),
    ...(object.rightNeighbour ? { rightNeighbour: object.rightNeighbour } : {}),
    ...(object.bookAsAWhole ? { bookAsAWhole: true } : {}),
    ...(object.seats && object.type === 'table' ? { numSeats: object.seats.length } : {}),
  };
  const distance = distanceToFocalPoint(chart.definition, object);
  if (distance !== undefined) info.distanceToFocalPoint = distance;

  if (view.ga) {
    const counts = gaCounts(view.ga);
    const holds: Record<string, Record<string, number>> = {};
    for (const [key, quantity] of view.ga.allocations) {
      const [status, token] = key.split('\u0000') as [string, string];
      if (status === 'reservedByToken' && token) holds[token] = { NO_TICKET_TYPE: quantity };
    }
    Object.assign(info, {
      status: counts.numFree > 0 ? FREE : 'booked',
      capacity: view.ga.capacity,
      numBooked: counts.numBooked,
      numHeld: counts.numHeld,
      numFree: counts.numFree,
      forSale: true,
      isAvailable: counts.numFree > 0,
      availabilityReason: counts.numFree > 0 ? 'available' : 'booked',
      ...(Object.keys(holds).length ? { holds } : {}),
    });
    return info;
  }
  const seat = view.seat!;
  const available = seat.status === FREE && seat.forSale;
  Object.assign(info, {
    status: seat.status,
    forSale: seat.forSale,
    isAvailable: available,
    availabilityReason: available ? 'available' : seat.forSale ? seat.status : 'not_for_sale',
    ...(seat.holdToken ? { holdToken: seat.holdToken } : {}),
    ...(seat.orderId ? { orderId: seat.orderId } : {}),
    ...(seat.ticketType ? { ticketType: seat.ticketType } : {}),
    ...(seat.extraData ? { extraData: JSON.parse(seat.extraData) } : {}),
  });
  return info;
}
