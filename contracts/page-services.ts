import type { PublicAddress, PublicEvent } from './buyer-api';
import type { ChartDefinition } from './chart';
import type { CustomStatusSetting } from './custom-statuses';
import type { WebhookSubscription } from './webhooks';

/*
 * What Next's pages ask of the server process they run in. Next bundles pages apart from the custom server, so
 * module-level singletons are not shared between them; globalThis is. The server provides these services once at
 * start (server/main.ts); pages read them and never reach into the server's modules.
 */

/** An event as its public pages show it (the buyer API's `GET /events/{key}` answers the same). */
export type { PublicEvent };

/** An event as the organisers' event view shows it. */
export type OrganiserEvent = PublicEvent & { date: string | null; chartKey: string; customStatuses: CustomStatusSetting[] };

/** A place an order booked; general-admission areas with how many places; a seat with its ticket type, if any. */
export type OrderedPlace = { label: string; quantity: number; ticketType?: string };

/** Places of an event by status: a standing place counts one by one, a seat, table or booth as one. */
export type PlaceCounts = { free: number; held: number; booked: number; other: number; notForSale: number; total: number };

export type EventSummary = {
  key: string;
  name: string | null;
  date: string | null;
  chartKey: string;
  counts: PlaceCounts;
  /** What the booked places are worth at the event's prices (0 without prices). */
  revenue: number;
  currency: string | null;
};

export type ChartSummary = { key: string; name: string; places: number; events: number; categories: { key: string; label: string; color: string }[] };

/** What the organisers' home shows. The secret key is shown only when asked for (through the organiser API). */
export type OrganiserHome = {
  events: EventSummary[];
  charts: ChartSummary[];
  workspace: { key: string; secretKeyStart: string };
  /** The workspace's webhook subscriptions, without secrets. */
  webhooks: WebhookSubscription[];
};

/** The cookie of an organiser's session: the organiser API sets it, pages read it. */
export const ORGANISER_SESSION_COOKIE = 'tessera_manage';

/** Each answers with a promise: the database may be across the network (PostgreSQL). */
export type PageServices = {
  publicEvent: (address: PublicAddress) => Promise<PublicEvent | undefined>;
  /**
   * What the order booked at this event, in booking order, for whoever has the order's access key (from the
   * booking's confirmation URL); undefined when the event, the order or the key is wrong.
   */
  order: (
    address: PublicAddress,
    orderId: string,
    access: string,
  ) => Promise<{ event: PublicEvent; chart: ChartDefinition; places: OrderedPlace[] } | undefined>;
  /** The signed-in organiser's session (its CSRF token, for the page's requests), or undefined. */
  organiserSession: (sessionId: string | undefined) => Promise<{ csrfToken: string } | undefined>;
  organiserHome: () => Promise<OrganiserHome>;
  /** An event of the organisers' workspace, or undefined. */
  organiserEvent: (eventKey: string) => Promise<OrganiserEvent | undefined>;
};

const KEY = Symbol.for('tessera.page-services');

export function providePageServices(services: PageServices): void {
  (globalThis as Record<symbol, unknown>)[KEY] = services;
}

export function pageServices(): PageServices {
  const services = (globalThis as Record<symbol, unknown>)[KEY] as PageServices | undefined;
  if (!services) throw new Error('Tessera services are not running: start the app with `npm start` (server/main.ts)');
  return services;
}
