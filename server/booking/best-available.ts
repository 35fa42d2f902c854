import { categoryKeysNamed, distanceToFocalPoint, type ChartDefinition, type ChartObject } from '../../contracts/chart';
import { API_CALL, runChange, type ChangeResult, type RunOptions, type StatusChangeRequest } from './change-status';
import type { Store } from './store';
import { findEvent, unavailableLabels } from './event-state';
import type { Steps } from '../../db/steps';
import { lockedByChannel } from './channels';

export type BestAvailableQuery = {
  number: number;
  /** Category keys or labels. */
  categories?: string[];
  sections?: string[];
  accessibleSeats?: number;
  /** On unless false: picks that strand a single free seat lose to those that do not. */
  tryToPreventOrphanSeats?: boolean;
};

export type BestAvailablePick = { labels: string[]; nextToEachOther: boolean };

/** A free seat left alone between taken seats is hard to sell: a pick that strands one pays this much distance. */
const ORPHAN_PENALTY = 1_000;
/**
 * A restricted-view or companion seat is worse than a clear one at the same price: each in a pick costs this much
 * distance, so best available takes one only when nothing clear is left (and the buyer is told, by the seat's flags).
 */
const COMPROMISE_PENALTY = 500;

const compromised = (o: ChartObject) => (o.restrictedView || o.companionSeat ? 1 : 0);

/**
 * Picks `number` free seats: adjacent in one row, closest to the focal point, avoiding runs that strand a single
 * free seat and restricted-view or companion seats; accessible seats only when asked for (then exactly `accessibleSeats` of them). Falls back to the
 * closest free seats anywhere when no row has a long enough run. Pure: `isFree` says what is free now.
 */
export function pickBestAvailable(
  chart: ChartDefinition,
  byLabel: Map<string, ChartObject>,
  isFree: (label: string) => boolean,
  query: BestAvailableQuery,
): BestAvailablePick | undefined {
  const wantedAccessible = query.accessibleSeats ?? 0;
  const categories = query.categories?.length ? categoryKeysNamed(chart.categories, query.categories) : undefined;
  const sections = query.sections?.length ? new Set(query.sections) : undefined;
  const orphanPenalty = query.tryToPreventOrphanSeats === false ? 0 : ORPHAN_PENALTY;
  const eligible = (label: string): boolean => {
    const o = byLabel.get(label);
    if (!o || !o.bookable || !isFree(label)) return false;
    if (categories && !categories.has(o.categoryKey ?? '')) return false;
    if (sections && !sections.has(o.section ?? '')) return false;
    return wantedAccessible > 0 || !o.accessible;
  };
  const distance = (label: string) => distanceToFocalPoint(chart, byLabel.get(label)!) ?? 0;
  const cost = (label: string) => distance(label) + COMPROMISE_PENALTY * compromised(byLabel.get(label)!);

  let best: { labels: string[]; score: number } | undefined;
  for (const row of chart.rows) {
    const seats = row.seats;
    for (let start = 0; start + query.number <= seats.length; start++) {
      const run = seats.slice(start, start + query.number);
      if (!run.every(eligible)) continue;
      const accessible = run.filter((l) => byLabel.get(l)!.accessible).length;
      if (accessible !== wantedAccessible) continue;
      let score = run.reduce((sum, l) => sum + distance(l), 0) / run.length + run.reduce((sum, l) => sum + cost(l) - distance(l), 0);
      const strands = (i: number, beyond: number) =>
        i >= 0 && i < seats.length && isFree(seats[i]!) && !(beyond >= 0 && beyond < seats.length && isFree(seats[beyond]!));
      if (strands(start - 1, start - 2)) score += orphanPenalty;
      if (strands(start + query.number, start + query.number + 1)) score += orphanPenalty;
      if (!best || score < best.score) best = { labels: run, score };
    }
  }
  if (best) return { labels: best.labels, nextToEachOther: true };

  if (wantedAccessible > 0) return undefined;
  const scattered = chart.objects
    .filter((o) => o.type === 'seat' && eligible(o.label))
    .sort((a, b) => cost(a.label) - cost(b.label))
    .slice(0, query.number)
    .map((o) => o.label);
  return scattered.length === query.number ? { labels: scattered, nextToEachOther: false } : undefined;
}

export type BestAvailableChange = { result: ChangeResult; pick: BestAvailablePick | undefined };

/**
 * Picks the best available seats and changes them in one transaction, so nobody can take them in between.
 * `request` supplies everything but the objects.
 */
export function* changeBestAvailable(
  store: Store,
  workspaceId: number,
  eventKey: string,
  query: BestAvailableQuery & { ticketTypes?: string[]; extraData?: Record<string, unknown>[] },
  request: Omit<StatusChangeRequest, 'eventKeys' | 'objects'>,
  options: RunOptions = API_CALL,
): Steps<BestAvailableChange> {
  const picked: { pick?: BestAvailablePick } = {};
  const result = yield* runChange(store, workspaceId, () => pickedRequests(store, workspaceId, eventKey, query, request, picked), {
    ...options,
    events: [eventKey],
  });
  return { result, pick: picked.pick };
}

/** Inside the change's transaction: picks from what is free now, and asks to change what it picked (told in `picked`). */
function* pickedRequests(
  store: Store,
  workspaceId: number,
  eventKey: string,
  query: BestAvailableQuery & { ticketTypes?: string[]; extraData?: Record<string, unknown>[] },
  request: Omit<StatusChangeRequest, 'eventKeys' | 'objects'>,
  picked: { pick?: BestAvailablePick },
): Steps<StatusChangeRequest[]> {
  const event = yield* findEvent(store, eventKey, workspaceId);
  // An unknown event: let the shell report it in its usual way.
  if (!event) return [{ ...request, eventKeys: [eventKey], objects: [] }];
  const unavailable = yield* unavailableLabels(store, event.id);
  const locked = yield* lockedByChannel(store, event, request);
  const pick = pickBestAvailable(event.chart.definition, event.chart.byLabel, (l) => !unavailable.has(l) && !locked.has(l), query);
  picked.pick = pick;
  if (!pick) return [];
  const objects = pick.labels.map((label, i) => ({
    label,
    ...(query.ticketTypes?.[i] ? { ticketType: query.ticketTypes[i] } : {}),
    ...(query.extraData?.[i] ? { extraData: query.extraData[i] } : {}),
  }));
  return [{ ...request, eventKeys: [eventKey], objects }];
}
