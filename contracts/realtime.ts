/**
 * The socket contract, shared by the server and the browser. Client → server events are commands
 * (`chart:subscribe`); server → client events are in the past tense (`objects:changed`).
 */

/**
 * One object's state as everybody may see it; never a hold token (whoever has it can book the place).
 * General-admission areas carry `numFree`, and their `status` is `free` while places are left, else `booked`.
 */
export type ObjectState = { label: string; status: string; numFree?: number };

/**
 * Changes committed to one event, numbered `fromSeq..toSeq` without gaps: what the booking layer hands over after
 * a commit, and what `objects:changed` carries (the commits of one short tick merged into one message).
 */
export type ObjectsChanged = { eventKey: string; fromSeq: number; toSeq: number; changes: ObjectState[] };

/** Everything not plainly free, as of `seq`: what a chart draws before it applies changes. */
export type Snapshot = { seq: number; objects: ObjectState[] };

export type SubscribeAck = ({ ok: true } & Snapshot) | { ok: false; error: string };

/*
 * The organisers' stream (`manage:subscribe`, signed-in organisers only): every committed change with who made it
 * and when, and each changed object as organisers see it.
 */

/** Who made a change: a buyer (public buyer API), an integrator (secret key), the box office, or hold expiry. */
export const CHANGE_ORIGINS = ['BUYER', 'API_CALL', 'ORGANISER', 'HOLD_EXPIRED'] as const;
export type ChangeOrigin = (typeof CHANGE_ORIGINS)[number];

/**
 * An object as organisers see it: a standing area also carries its taken places per status (free ones are
 * `numFree`), so that held, booked and blocked standing places can be counted apart; a seat, table or booth
 * marked not for sale says so, and one with a ticket type names it (its price depends on it).
 */
export type OrganiserObject = ObjectState & { places?: Record<string, number>; forSale?: false; ticketType?: string };

/** One entry of the status-change log. A release logs status `free`; `at` is milliseconds since the epoch. */
export type LoggedChange = { seq: number; at: number; origin: ChangeOrigin; label: string; status: string; quantity: number; orderId: string | null };

/** A change as it happens, with the object after it. */
export type ActivityEntry = LoggedChange & { object: OrganiserObject };

/** Changes committed to one event, numbered without gaps like `objects:changed`. */
export type EventActivity = { eventKey: string; fromSeq: number; toSeq: number; entries: ActivityEntry[] };

/** Places booked and held during one minute (`minute` = epoch milliseconds / 60,000), from the log. */
export type TimelinePoint = { minute: number; booked: number; held: number };

/** Everything an organiser's event view needs as of `seq`: objects not plainly free, the latest changes (newest first), the timeline. */
export type OrganiserSnapshot = { seq: number; objects: OrganiserObject[]; recent: LoggedChange[]; timeline: TimelinePoint[] };

export type ManageSubscribeAck = ({ ok: true } & OrganiserSnapshot) | { ok: false; error: string };

export interface ServerToClientEvents {
  'objects:changed': (message: ObjectsChanged) => void;
  'activity:added': (message: EventActivity) => void;
  /** Something changed at some event (which is not said): the organisers' home reloads its counts. */
  'overview:changed': () => void;
}

export interface ClientToServerEvents {
  /** An event as buyers address it: its key, in the workspace its public key names (the default one without). */
  'chart:subscribe': (payload: { eventKey: string; workspaceKey?: string }, ack: (reply: SubscribeAck) => void) => void;
  'manage:subscribe': (payload: { eventKey: string }, ack: (reply: ManageSubscribeAck) => void) => void;
  'manage:overview': (ack: (reply: { ok: true } | { ok: false; error: string }) => void) => void;
}
