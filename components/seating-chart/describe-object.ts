import type { Category, ChartObject } from '../../server/charts/chart-model';

const STATUS_WORDS: Record<string, string> = { free: 'available', reservedByToken: 'held', booked: 'booked' };

export function statusWord(status: string): string {
  return STATUS_WORDS[status] ?? `unavailable (${status})`;
}

/** The accessible name of a place: "Section A, row C, seat 11, Premium, available". */
export function describeObject(object: ChartObject, category: Category | undefined, status: string, numFree?: number): string {
  const parts: string[] = [];
  if (object.section) parts.push(object.section);
  if (object.type === 'seat' && object.parent?.type === 'row') {
    const row = object.section ? object.parent.label.slice(object.section.length + 1) : object.parent.label;
    parts.push(`row ${row}`, `seat ${object.own}`);
  } else if (object.type === 'seat' && object.parent?.type === 'table') {
    parts.push(`table ${object.parent.label}`, `seat ${object.own}`);
  } else if (object.type === 'table') parts.push(`table ${object.own}`);
  else if (object.type === 'booth') parts.push(`booth ${object.own}`);
  else parts.push(`standing area ${object.own}`);
  if (category) parts.push(category.label);
  if (object.accessible) parts.push('wheelchair accessible');
  if (object.companionSeat) parts.push('companion seat');
  if (object.restrictedView) parts.push('restricted view');
  parts.push(numFree !== undefined ? `${numFree} places left` : statusWord(status));
  return parts.join(', ');
}
