import type { Category, ChartObject } from '../../contracts/chart';
import { BOOKED, FREE, HELD, NOT_FOR_SALE } from '../../contracts/statuses';

// A Map: a venue's custom status may be any string, `constructor` included.
const STATUS_WORDS = new Map([
  [FREE, 'available'],
  [HELD, 'held by another buyer'],
  [BOOKED, 'sold'],
  [NOT_FOR_SALE, 'not for sale'],
]);

export function statusWord(status: string): string {
  return STATUS_WORDS.get(status) ?? 'unavailable';
}

/** Where a place is, in words: "Section A, row C, seat 11". */
export function placeName(object: ChartObject): string {
  const parts: string[] = [];
  if (object.section) parts.push(object.section);
  if (object.type === 'seat' && object.parent?.type === 'row') {
    const row = object.section ? object.parent.label.slice(object.section.length + 1) : object.parent.label;
    parts.push(`row ${row}`, `seat ${object.own}`);
  } else if (object.type === 'seat' && object.parent?.type === 'table') {
    const table = object.section ? object.parent.label.slice(object.section.length + 1) : object.parent.label;
    parts.push(`table ${table}`, `seat ${object.own}`);
  } else if (object.type === 'table') parts.push(`table ${object.own}`);
  else if (object.type === 'booth') parts.push(`booth ${object.own}`);
  else parts.push(`standing area ${object.own}`);
  return parts.join(', ');
}

export function placeFlags(object: ChartObject): string[] {
  const flags: string[] = [];
  if (object.accessible) flags.push('wheelchair accessible');
  if (object.companionSeat) flags.push('companion seat');
  if (object.restrictedView) flags.push('restricted view');
  return flags;
}

/** The accessible name of a place: "Section A, row C, seat 11, Premium €65, available". */
export function describeObject(
  object: ChartObject,
  category: Category | undefined,
  price: string | undefined,
  status: string,
  selected: boolean,
  numFree?: number,
): string {
  const parts = [placeName(object)];
  if (category) parts.push(price ? `${category.label} ${price}` : category.label);
  parts.push(...placeFlags(object));
  if (selected) parts.push('selected');
  else if (numFree !== undefined) parts.push(numFree > 0 ? `${numFree} places left` : 'sold out');
  else parts.push(statusWord(status));
  return parts.join(', ');
}
