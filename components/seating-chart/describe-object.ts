import type { Category, ChartObject } from '../../contracts/chart';
import { BOOKED, FREE, HELD, NOT_FOR_SALE } from '../../contracts/statuses';
import { ENGLISH_MESSAGES, type MessageKey, type Messages } from './messages';

// A Map: a venue's custom status may be any string, `constructor` included.
const STATUS_WORDS = new Map<string, MessageKey>([
  [FREE, 'free'],
  [HELD, 'held'],
  [BOOKED, 'booked'],
  [NOT_FOR_SALE, 'notForSale'],
]);

export function statusWord(status: string, m: Messages = ENGLISH_MESSAGES): string {
  return m.t(STATUS_WORDS.get(status) ?? 'unavailable');
}

/** Where a place is, in words: "Section A, row C, seat 11". */
export function placeName(object: ChartObject, m: Messages = ENGLISH_MESSAGES): string {
  const parts: string[] = [];
  if (object.section) parts.push(m.text(object.section));
  const within = (parent: { label: string }) => (object.section ? parent.label.slice(object.section.length + 1) : parent.label);
  if (object.type === 'seat' && object.parent?.type === 'row') parts.push(`${m.t('row')} ${within(object.parent)}`, `${m.t('seat')} ${object.own}`);
  else if (object.type === 'seat' && object.parent?.type === 'table') parts.push(`${m.t('table')} ${within(object.parent)}`, `${m.t('seat')} ${object.own}`);
  else if (object.type === 'table') parts.push(`${m.t('table')} ${object.own}`);
  else if (object.type === 'booth') parts.push(`${m.t('booth')} ${object.own}`);
  else parts.push(`${m.t('standingArea')} ${object.own}`);
  return parts.join(', ');
}

export function placeFlags(object: ChartObject, m: Messages = ENGLISH_MESSAGES): string[] {
  const flags: string[] = [];
  if (object.accessible) flags.push(m.t('accessible'));
  if (object.companionSeat) flags.push(m.t('companionSeat'));
  if (object.restrictedView) flags.push(m.t('restrictedView'));
  return flags;
}

/** Whether a place is chosen, how many of its places are left, or its status: "selected", "3 places left", "sold". */
export function availability(status: string, selected: boolean, numFree: number | undefined, m: Messages = ENGLISH_MESSAGES): string {
  if (selected) return m.t('selected');
  if (numFree !== undefined) return numFree > 0 ? m.t('placesLeft', { count: numFree }) : m.t('soldOut');
  return statusWord(status, m);
}

/** The accessible name of a place: "Section A, row C, seat 11, Premium €65, available". */
export function describeObject(
  object: ChartObject,
  category: Category | undefined,
  price: string | undefined,
  status: string,
  selected: boolean,
  numFree?: number,
  m: Messages = ENGLISH_MESSAGES,
): string {
  const parts = [placeName(object, m)];
  if (category) parts.push(price ? `${m.text(category.label)} ${price}` : m.text(category.label));
  parts.push(...placeFlags(object, m));
  parts.push(availability(status, selected, numFree, m));
  return parts.join(', ');
}
