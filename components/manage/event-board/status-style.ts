import type { CustomStatusSetting } from '../../../contracts/custom-statuses';
import type { ChangeOrigin, LoggedChange } from '../../../contracts/realtime';
import { BOOKED, FREE, HELD, NOT_FOR_SALE } from '../../../contracts/statuses';

/* How the organisers' screens name and colour statuses. Held places also carry a stripe pattern, not colour alone. */

/** Booked is violet: venues' category colours are mostly reds, oranges, blues and greens, which it stands apart from. */
const BUILT_IN: Record<string, { name: string; colour: string }> = {
  [FREE]: { name: 'Free', colour: '#16a34a' },
  [HELD]: { name: 'Held', colour: '#f59e0b' },
  [BOOKED]: { name: 'Booked', colour: '#6d28d9' },
  [NOT_FOR_SALE]: { name: 'Not for sale', colour: '#0f172a' },
};
/** Custom statuses the event's settings do not list (set through the API) take these in turn, by name. */
const OTHER_COLOURS = ['#db2777', '#0d9488', '#a16207', '#4d7c0f', '#0369a1'];

export type StatusStyle = { name: (status: string) => string; colour: (status: string) => string };

/** Names and colours for an event: built-in statuses, the event's custom statuses, then any other by its own name. */
export function statusStyle(customStatuses: CustomStatusSetting[]): StatusStyle {
  const custom = new Map(customStatuses.map((s) => [s.status, s]));
  return {
    name: (status) => BUILT_IN[status]?.name ?? custom.get(status)?.label ?? status,
    colour: (status) => {
      const known = BUILT_IN[status]?.colour ?? custom.get(status)?.color;
      if (known) return known;
      let hash = 0;
      for (const c of status) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
      return OTHER_COLOURS[hash % OTHER_COLOURS.length]!;
    },
  };
}

/** Statuses in the order the screens list them: the built-in ones first, then custom ones by name. */
export function statusOrder(a: string, b: string): number {
  const rank = (s: string) => [BOOKED, HELD, FREE, NOT_FOR_SALE].indexOf(s);
  const [ra, rb] = [rank(a), rank(b)];
  return ra !== -1 || rb !== -1 ? (ra === -1 ? 4 : ra) - (rb === -1 ? 4 : rb) : a.localeCompare(b);
}

const ORIGINS: Record<ChangeOrigin, string> = { BUYER: 'Buyer', API_CALL: 'API', ORGANISER: 'Box office', HOLD_EXPIRED: 'Expiry' };

export function originName(origin: ChangeOrigin): string {
  return ORIGINS[origin] ?? origin;
}

/** What a logged change did, in words: "booked", "hold expired", "set to Blocked". */
export function changeWords(change: LoggedChange, style: StatusStyle): string {
  if (change.status === FREE) return change.origin === 'HOLD_EXPIRED' ? 'hold expired' : 'released';
  if (change.status === HELD) return 'held';
  if (change.status === BOOKED) return 'booked';
  return `set to ${style.name(change.status)}`;
}
