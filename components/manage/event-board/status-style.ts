import type { ChangeOrigin, LoggedChange } from '../../../contracts/realtime';
import { BOOKED, FREE, HELD } from '../../../contracts/statuses';
import { NOT_FOR_SALE } from '../../../contracts/tally';

/* How the organisers' screens name and colour statuses. Held places also carry a stripe pattern, not colour alone. */

const NAMES: Record<string, string> = { [FREE]: 'Free', [HELD]: 'Held', [BOOKED]: 'Booked', [NOT_FOR_SALE]: 'Not for sale' };
/** Booked is violet: venues' category colours are mostly reds, oranges, blues and greens, which it stands apart from. */
const COLOURS: Record<string, string> = { [FREE]: '#16a34a', [HELD]: '#f59e0b', [BOOKED]: '#6d28d9', [NOT_FOR_SALE]: '#0f172a', blocked: '#64748b' };
/** Custom statuses other than `blocked` take these in turn, by name, so a status keeps its colour. */
const CUSTOM_COLOURS = ['#db2777', '#0d9488', '#a16207', '#4d7c0f', '#0369a1'];

export function statusName(status: string): string {
  return NAMES[status] ?? status[0]!.toUpperCase() + status.slice(1);
}

export function statusColour(status: string): string {
  if (Object.hasOwn(COLOURS, status)) return COLOURS[status]!;
  let hash = 0;
  for (const c of status) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return CUSTOM_COLOURS[hash % CUSTOM_COLOURS.length]!;
}

/** Statuses in the order the screens list them: the known ones first, then custom ones by name. */
export function statusOrder(a: string, b: string): number {
  const rank = (s: string) => [BOOKED, HELD, FREE, NOT_FOR_SALE].indexOf(s);
  const [ra, rb] = [rank(a), rank(b)];
  return ra !== -1 || rb !== -1 ? (ra === -1 ? 4 : ra) - (rb === -1 ? 4 : rb) : a.localeCompare(b);
}

const ORIGINS: Record<ChangeOrigin, string> = { BUYER: 'Buyer', API_CALL: 'API', ORGANISER: 'Box office', HOLD_EXPIRED: 'Expiry' };

export function originName(origin: ChangeOrigin): string {
  return ORIGINS[origin] ?? origin;
}

/** What a logged change did, in words: "booked", "hold expired", "set to blocked". */
export function changeWords(change: LoggedChange): string {
  if (change.status === FREE) return change.origin === 'HOLD_EXPIRED' ? 'hold expired' : 'released';
  if (change.status === HELD) return 'held';
  if (change.status === BOOKED) return 'booked';
  return `set to ${change.status}`;
}
