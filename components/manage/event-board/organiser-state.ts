import type { ChartDefinition } from '../../../contracts/chart';
import type { Pricing } from '../../../contracts/pricing';
import type { EventActivity, LoggedChange, OrganiserObject, OrganiserSnapshot, TimelinePoint } from '../../../contracts/realtime';
import { FREE, BOOKED, HELD } from '../../../contracts/statuses';
import { Tally, type TallyView } from '../../../contracts/tally';

/*
 * What an organiser's event view knows, kept current from the organisers' stream: the objects that are not plainly
 * free, their counts, the latest changes and the timeline. Framework-free; the hook renders it.
 */

/** How many changes the activity feed keeps. */
export const FEED_LENGTH = 100;

export type BoardState = {
  seq: number;
  objects: ReadonlyMap<string, OrganiserObject>;
  tally: TallyView;
  feed: LoggedChange[];
  timeline: TimelinePoint[];
};

export type Board = { state: BoardState; apply: (message: EventActivity) => 'applied' | 'stale' | 'gap' };

const plainlyFree = (o: OrganiserObject) => o.status === FREE && o.numFree === undefined && o.forSale !== false;

/** A board from a snapshot; `apply` moves it on by one message, in seq order. */
export function createBoard(chart: ChartDefinition, pricing: Pricing | undefined, snapshot: OrganiserSnapshot): Board {
  const objects = new Map(snapshot.objects.map((o) => [o.label, o]));
  const tally = Tally.of(chart, pricing, snapshot.objects);
  const timeline = new Map(snapshot.timeline.map((p) => [p.minute, { ...p }]));
  let state: BoardState = { seq: snapshot.seq, objects, tally: tally.view(), feed: snapshot.recent, timeline: snapshot.timeline };
  return {
    get state() {
      return state;
    },
    apply(message) {
      if (message.toSeq <= state.seq) return 'stale';
      if (message.fromSeq > state.seq + 1) return 'gap';
      const next = new Map(state.objects);
      const fresh: LoggedChange[] = [];
      for (const { object, ...change } of message.entries) {
        if (change.seq <= state.seq) continue;
        tally.change(next.get(object.label), object);
        if (plainlyFree(object)) next.delete(object.label);
        else next.set(object.label, object);
        fresh.push(change);
        if (change.status === BOOKED || change.status === HELD) {
          const minute = Math.floor(change.at / 60_000);
          const point = timeline.get(minute) ?? timeline.set(minute, { minute, booked: 0, held: 0 }).get(minute)!;
          point[change.status === BOOKED ? 'booked' : 'held'] += change.quantity;
        }
      }
      state = {
        seq: message.toSeq,
        objects: next,
        tally: tally.view(),
        feed: [...fresh.reverse(), ...state.feed].slice(0, FEED_LENGTH),
        timeline: [...timeline.values()].sort((a, b) => a.minute - b.minute),
      };
      return 'applied';
    },
  };
}
