import type { ChartDefinition, ChartObject } from './chart';
import { objectPrice } from './prices';
import type { Pricing } from './pricing';
import type { OrganiserObject } from './realtime';
import { BOOKED, FREE, NOT_FOR_SALE } from './statuses';

/*
 * An event's places counted by status, overall, per category and per section, and what the booked ones are worth
 * (at their ticket types' prices; a table sold whole at its chairs'):
 * what the organisers' screens show. Built once from a snapshot, then kept current change by change (each change
 * takes the object's old places out and puts its new ones in), so a live 100,000-seat event costs per change, not
 * per seat. Framework-free: the server's overview and the browser's event view count the same way.
 */

/** Places per status: a standing place counts one by one, a seat, table or booth as one. */
export type StatusCounts = Record<string, number>;

export type Group = { key: string; label: string; total: number; byStatus: StatusCounts };

export type TallyView = { total: number; byStatus: StatusCounts; categories: Group[]; sections: Group[]; revenue: number };

/** The places an object has in each status (a status with none may be listed with 0). */
export function placesOf(object: ChartObject, state: OrganiserObject | undefined): [string, number][] {
  if (object.type === 'generalAdmission') {
    const capacity = object.capacity ?? 0;
    if (!state?.places) return [[FREE, state?.numFree ?? capacity]];
    const taken = Object.entries(state.places);
    return [[FREE, capacity - taken.reduce((n, [, q]) => n + q, 0)], ...taken];
  }
  const status = state?.status ?? FREE;
  return [[status === FREE && state?.forSale === false ? NOT_FOR_SALE : status, 1]];
}

/** A bookable object with the groups it counts in (all, its category, its section), found once. */
type Counted = { object: ChartObject; groups: Group[] };

export class Tally {
  private places = new Map<string, Counted>();
  private overall: Group = { key: '', label: 'All', total: 0, byStatus: {} };
  private categories = new Map<string, Group>();
  private sections = new Map<string, Group>();
  private revenue = 0;

  constructor(
    chart: ChartDefinition,
    private pricing: Pricing | undefined,
  ) {
    for (const c of chart.categories) this.categories.set(String(c.key), { key: String(c.key), label: c.label, total: 0, byStatus: {} });
    // Every place starts free. Written out, not through count(): this runs once per place of a 100,000-seat venue.
    for (const object of chart.objects) {
      if (!object.bookable) continue;
      const groups = this.groupsOf(object);
      this.places.set(object.label, { object, groups });
      const capacity = object.type === 'generalAdmission' ? (object.capacity ?? 0) : 1;
      for (const group of groups) {
        group.total += capacity;
        group.byStatus[FREE] = (group.byStatus[FREE] ?? 0) + capacity;
      }
    }
  }

  /** Counts a snapshot's objects (those not plainly free) on top of the all-free start. */
  static of(chart: ChartDefinition, pricing: Pricing | undefined, objects: Iterable<OrganiserObject>): Tally {
    const tally = new Tally(chart, pricing);
    for (const object of objects) tally.change(undefined, object);
    return tally;
  }

  /** An object went from `before` (undefined: plainly free) to `after`. */
  change(before: OrganiserObject | undefined, after: OrganiserObject): void {
    const place = this.places.get(after.label);
    if (!place) return;
    this.count(place, before, -1);
    this.count(place, after, 1);
  }

  view(): TallyView {
    const copy = (g: Group): Group => ({ ...g, byStatus: Object.fromEntries(Object.entries(g.byStatus).filter(([, n]) => n !== 0)) });
    return {
      total: this.overall.total,
      byStatus: copy(this.overall).byStatus,
      categories: [...this.categories.values()].filter((g) => g.total > 0).map(copy),
      sections: [...this.sections.values()].map(copy),
      revenue: this.revenue,
    };
  }

  private groupsOf(object: ChartObject): Group[] {
    const groups = [this.overall];
    const category = object.categoryKey !== undefined ? this.categories.get(object.categoryKey) : undefined;
    if (category) groups.push(category);
    if (object.section) {
      let section = this.sections.get(object.section);
      if (!section) this.sections.set(object.section, (section = { key: object.section, label: object.section, total: 0, byStatus: {} }));
      groups.push(section);
    }
    return groups;
  }

  private count({ object, groups }: Counted, state: OrganiserObject | undefined, sign: 1 | -1): void {
    for (const [status, places] of placesOf(object, state)) {
      if (places === 0) continue;
      for (const group of groups) group.byStatus[status] = (group.byStatus[status] ?? 0) + sign * places;
      if (status === BOOKED) this.revenue += sign * places * (objectPrice(this.pricing, object, state?.ticketType) ?? 0);
    }
  }
}
