import { FREE, HELD, NOT_FOR_SALE } from '../../../contracts/statuses';
import type { ObjectView } from '../../booking/change-status';
import { gaCounts } from '../../booking/general-admission';
import { eventObjectInfo } from './object-info';

/*
 * seats.io's event reports: the group each object falls in (the detailed reports), and the summary reports, which
 * count for each group of one grouping (status, category, section…) how many places it has and how they split by
 * every other grouping. Places, not objects: a standing area counts its places, each in its own status.
 */

const DIMENSIONS = [
  'byStatus',
  'byCategoryKey',
  'byCategoryLabel',
  'bySection',
  'byObjectType',
  'byAvailability',
  'byAvailabilityReason',
  'bySelectability',
  'byChannel',
] as const;
type Dimension = (typeof DIMENSIONS)[number];

/** The groupings a summary is offered by: every dimension but selectability, and zones (Tessera has none). */
export const SUMMARY_REPORTS = [...DIMENSIONS.filter((d) => d !== 'bySelectability'), 'byZone'] as const;
export type SummaryReport = Exclude<Dimension, 'bySelectability'> | 'byZone';

/** Every detailed event report the client offers: the group each object falls in. */
export const REPORT_GROUPS = {
  byStatus: (_view, info) => info.status as string,
  byCategoryKey: (view) => view.object.categoryKey ?? 'NO_CATEGORY',
  byCategoryLabel: (_view, info) => (info.categoryLabel as string | undefined) ?? 'NO_CATEGORY',
  byLabel: (view) => view.object.label,
  byOrderId: (view) => view.seat?.orderId ?? 'NO_ORDER_ID',
  bySection: (view) => view.object.section ?? 'NO_SECTION',
  byObjectType: (view) => view.object.type,
  byAvailability: (_view, info) => (info.isAvailable ? 'available' : 'not_available'),
  byAvailabilityReason: (_view, info) => info.availabilityReason as string,
  byChannel: (view) => view.channel ?? 'NO_CHANNEL',
  // Tessera has no zones: every object is in none.
  byZone: () => 'NO_ZONE',
} satisfies Record<string, (view: ObjectView, info: Record<string, unknown>) => string>;

export type Report = keyof typeof REPORT_GROUPS;

type Places = PlacesBy<Dimension | 'byZone'>;

/** Why places are not available, as seats.io names it; the places' status in its words. */
function reasonOf(status: string): string {
  if (status === FREE) return 'available';
  if (status === NOT_FOR_SALE) return 'not_for_sale';
  return status;
}

/** An object's places, grouped by what tells them apart: one group for a seat, one per status for a standing area. */
function placesOf(view: ObjectView): Places[] {
  const info = eventObjectInfo(view);
  // What all of an object's places share: the groups of the detailed reports.
  const group = (report: Report) => REPORT_GROUPS[report](view, info);
  const common = {
    byCategoryKey: group('byCategoryKey'),
    byCategoryLabel: group('byCategoryLabel'),
    bySection: group('bySection'),
    byObjectType: group('byObjectType'),
    byChannel: group('byChannel'),
    byZone: group('byZone'),
  };
  const places = (count: number, status: string, reason: string): Places => {
    const available = reason === 'available';
    return {
      count,
      values: {
        ...common,
        byStatus: status,
        byAvailability: available ? 'available' : 'not_available',
        byAvailabilityReason: reason,
        bySelectability: available ? 'selectable' : 'not_selectable',
      },
    };
  };
  if (!view.ga) return [places(1, info.status as string, info.availabilityReason as string)];
  const counts = gaCounts(view.ga);
  return [
    ...(counts.numFree ? [places(counts.numFree, FREE, 'available')] : []),
    ...[...counts.byStatus].map(([status, count]) => places(count, status === NOT_FOR_SALE ? FREE : status, reasonOf(status))),
  ];
}

type Summary = { count: number } & Record<string, Record<string, number>>;
type DeepSummary = { count: number } & Record<string, Record<string, Summary>>;

/** Places that share a value in every dimension, and how many they are. */
export type PlacesBy<D extends string> = { count: number; values: Record<D, string> };

/** Places grouped by their value of `dimension`. A Map: values are anyone's strings (`__proto__`), never object keys. */
function groupBy<D extends string>(places: PlacesBy<D>[], dimension: D, always: string[] = []): Map<string, PlacesBy<D>[]> {
  const groups = new Map<string, PlacesBy<D>[]>(always.map((name) => [name, []]));
  for (const p of places) {
    const name = p.values[dimension];
    (groups.get(name) ?? groups.set(name, []).get(name)!).push(p);
  }
  return groups;
}

const countOf = (places: PlacesBy<string>[]) => places.reduce((n, p) => n + p.count, 0);

/** How many places there are, and how they split by every one of `dimensions` not in `used`. */
function summarize<D extends string>(places: PlacesBy<D>[], dimensions: readonly D[], used: D[]): Summary {
  const summary = { count: countOf(places) } as Summary;
  for (const dimension of dimensions) {
    if (used.includes(dimension)) continue;
    summary[dimension] = Object.fromEntries([...groupBy(places, dimension)].map(([name, members]) => [name, countOf(members)]));
  }
  return summary;
}

/** The same one level deeper: each split's group summarised by every dimension used by neither. */
function summarizeDeep<D extends string>(places: PlacesBy<D>[], dimensions: readonly D[], used: D): DeepSummary {
  const summary = { count: countOf(places) } as DeepSummary;
  for (const dimension of dimensions) {
    if (dimension === used) continue;
    summary[dimension] = Object.fromEntries(
      [...groupBy(places, dimension)].map(([name, members]) => [name, summarize(members, dimensions, [used, dimension])]),
    );
  }
  return summary;
}

/**
 * A summary by `grouping`: each group's places, split by every other of `dimensions`; `always` names groups that
 * appear even without places (as seats.io lists them). The deep summary splits each of those splits again ("how
 * many seats of Section A in category 1 are selectable"). Event reports and chart reports both summarise so.
 */
export function summarizePlaces<D extends string>(
  places: PlacesBy<D>[],
  dimensions: readonly D[],
  grouping: D,
  always: string[],
  deep = false,
): Record<string, Summary | DeepSummary> {
  const groups = groupBy(places, grouping, always);
  return Object.fromEntries(
    [...groups].map(([name, members]) => [name, deep ? summarizeDeep(members, dimensions, grouping) : summarize(members, dimensions, [grouping])]),
  );
}

/** The summary of an event's places by `grouping`, split by the event dimensions. */
export function summaryReport(views: ObjectView[], grouping: SummaryReport, always: string[], deep = false): Record<string, Summary | DeepSummary> {
  return summarizePlaces<Dimension | 'byZone'>(views.flatMap(placesOf), DIMENSIONS, grouping, always, deep);
}

/** The groups seats.io lists even when empty: every object type and category, and its fixed availability reasons. */
export function alwaysListed(grouping: SummaryReport | 'bySection' | 'byZone', categories: { key: string | number; label: string }[]): string[] {
  switch (grouping) {
    case 'byObjectType':
      return ['seat', 'generalAdmission', 'table', 'booth'];
    case 'byCategoryKey':
      return [...categories.map((c) => String(c.key)), 'NO_CATEGORY'];
    case 'byCategoryLabel':
      return [...categories.map((c) => c.label), 'NO_CATEGORY'];
    case 'byAvailabilityReason':
      return ['available', 'booked', 'disabled_by_social_distancing', 'not_for_sale', reasonOf(HELD)];
    default:
      return [];
  }
}
