import { connectPostgres, connectSqlite, isPostgresUrl, type Connection, type Durability } from '../../db/client';
export type { Workspace } from '../../db/schema';
import { changeBestAvailable } from './best-available';
import { buyerBook, buyerExtend, buyerHold, buyerRelease, buyerStartSession, buyerToken } from './buyer';
import { changeObjectStatus, type CommittedChanges } from './change-status';
import { addChannels, changeChannelObjects, channelPlaces, eventChannelList, removeChannel, replaceChannels, updateChannel } from './channels';
export type { CommittedChanges } from './change-status';
export { isPostgresUrl, type Durability } from '../../db/client';
import {
  changeChart,
  chartByKey,
  chartListing,
  chartSource,
  chartTags,
  chartVersion,
  copyChart,
  discardDraft,
  fileChart,
  listCharts,
  publishDraft,
} from './charts';
import { eventObjectViews, eventSnapshot, findEvent, findPublicEvent, objectViews, offSalePlaces } from './event-state';
import { chartEvents, createEvents, deleteEvent, eventByKey, eventOrder, listEvents, organiserEvent, publicEvent, updateEvent } from './events';
import { expireHolds } from './expire-holds';
import { updateExtraData } from './extra-data';
import { createHoldToken, extendHoldToken, retrieveHoldToken } from './hold-tokens';
import { importChart } from './import-chart';
import { ensureOrganiserPassword, organiserLogin, organiserLogout, organiserSession } from './organiser-access';
import { organiserChange, placeDetails, searchPlaces } from './box-office';
import { logRows, placeRows } from './exports';
import { organiserSnapshot } from './organiser-event';
import { organiserOverview } from './overview';
import { listStatusChanges } from './status-change-log';
import { createStore, type Store } from './store';
import { isSteps, type Steps } from '../../db/steps';
import {
  createWebhook,
  deleteWebhook,
  dueDeliveries,
  listWebhooks,
  recordAttempts,
  replayWebhookDelivery,
  rotateWebhookSecret,
  sendTestMessage,
  updateWebhook,
  webhookById,
  webhookDeliveryLog,
} from './webhooks';
import {
  changeWorkspace,
  createWorkspace,
  defaultWorkspace,
  ensureAdminKey,
  ensureDefaultWorkspace,
  isAdminKey,
  listWorkspaces,
  rotateSecretKey,
  workspaceById,
  workspaceByKey,
  workspaceBySecretKey,
} from './workspaces';

/**
 * Everything the rest of the server may do with bookings: these operations, and nothing of the database or its
 * statements. Each takes the store as its first argument inside server/booking; outside, it comes already applied.
 */
const operations = {
  // Workspaces
  ensureDefaultWorkspace,
  defaultWorkspace,
  createWorkspace,
  listWorkspaces,
  changeWorkspace,
  ensureAdminKey,
  isAdminKey,
  workspaceByKey,
  workspaceBySecretKey,
  workspaceById,
  rotateSecretKey,
  // Charts and events
  importChart,
  chartByKey,
  chartListing,
  listCharts,
  chartEvents,
  fileChart,
  chartTags,
  copyChart,
  chartSource,
  changeChart,
  chartVersion,
  publishDraft,
  discardDraft,
  createEvents,
  eventByKey,
  listEvents,
  findEvent,
  findPublicEvent,
  updateEvent,
  deleteEvent,
  updateExtraData,
  publicEvent,
  eventOrder,
  // Channels
  eventChannelList,
  channelPlaces,
  addChannels,
  replaceChannels,
  updateChannel,
  removeChannel,
  changeChannelObjects,
  // Reading state
  eventObjectViews,
  offSalePlaces,
  objectViews,
  eventSnapshot,
  listStatusChanges,
  // Hold tokens
  createHoldToken,
  retrieveHoldToken,
  extendHoldToken,
  // Organisers
  ensureOrganiserPassword,
  organiserLogin,
  organiserSession,
  organiserLogout,
  organiserOverview,
  organiserSnapshot,
  organiserEvent,
  // The box office
  organiserChange,
  placeDetails,
  searchPlaces,
  placeRows,
  logRows,
  // The buyer API
  buyerHold,
  buyerStartSession,
  buyerBook,
  buyerRelease,
  buyerToken,
  buyerExtend,
  // Webhooks
  createWebhook,
  listWebhooks,
  webhookById,
  updateWebhook,
  deleteWebhook,
  webhookDeliveryLog,
  rotateWebhookSecret,
  sendTestWebhook: sendTestMessage,
  replayWebhookDelivery,
  dueWebhookDeliveries: dueDeliveries,
  recordWebhookAttempts: recordAttempts,
  // Status changes
  changeObjectStatus,
  changeBestAvailable,
  expireHolds,
};

type Operations = typeof operations;

/** What an operation gives its caller: the value its steps end with (db/steps.ts), or the value it returns. */
type Outcome<R> = R extends Steps<infer T> ? T : R;

/** How a booking layer answers: at once (SQLite), with a promise (PostgreSQL), or — for code that serves both — either. */
type Answering = 'at-once' | 'promised' | 'either';

type Answer<T, A extends Answering> = A extends 'at-once' ? T : A extends 'promised' ? Promise<Awaited<T>> : T | Promise<Awaited<T>>;

type BookingAnswering<A extends Answering> = {
  [K in keyof Operations]: Operations[K] extends (store: Store, ...args: infer P) => infer R ? (...args: P) => Answer<Outcome<R>, A> : never;
} & {
  now: () => number;
  close: () => Answer<void, A>;
  /**
   * On SQLite, runs operations in one commit with the others of this turn of the event loop, each all or nothing as
   * alone; settled after the commit. For the HTTP routes that change statuses, where holds arrive many to a turn.
   * On PostgreSQL, runs them as they come. Either way, `fn` calls one operation.
   */
  grouped: <T>(fn: () => T | Promise<T>) => Promise<T>;
};

/** The booking layer on either database, as the server uses it: every answer awaited. */
export type Booking = BookingAnswering<'either'>;

/** The booking layer on SQLite: every answer at once (tests and scripts that open a database file use it). */
export type SqliteBooking = BookingAnswering<'at-once'>;

/** The booking layer on PostgreSQL: every answer with a promise. */
export type PostgresBooking = BookingAnswering<'promised'>;

export type BookingOptions = {
  /** `postgres://…`, or SQLite's: `file:./data/tessera.db`, a plain path, or `:memory:`. */
  databaseUrl: string;
  /** Milliseconds since the epoch; injectable so tests can move time. */
  now?: () => number;
  /** Called with the numbered changes after every commit, never inside a transaction. */
  onCommit?: (batches: CommittedChanges[]) => void;
  /** What an acknowledged commit survives on SQLite (db/client.ts): a power loss unless told otherwise. */
  durability?: Durability;
};

/** The operations over a connection, each bound to the store. */
function bind(connection: Connection, options: BookingOptions): Booking {
  const store = createStore({ connection, now: options.now ?? Date.now, onCommit: options.onCommit ?? (() => {}) });
  const bound = Object.fromEntries(
    Object.entries(operations).map(([name, operation]) => [
      name,
      (...args: unknown[]) => {
        const result = (operation as (store: Store, ...rest: unknown[]) => unknown)(store, ...args);
        return isSteps(result) ? store.run(result) : result;
      },
    ]),
  ) as Omit<Booking, 'now' | 'close' | 'grouped'>;
  return { ...bound, now: store.now, close: connection.close, grouped: store.group };
}

/** Opens a SQLite database (applying migrations) and returns the booking layer's operations over it. */
export function openBooking(options: BookingOptions): SqliteBooking {
  return bind(connectSqlite(options.databaseUrl, options.durability), options) as SqliteBooking;
}

/** Connects to PostgreSQL (applying migrations) and returns the booking layer's operations over it. */
export async function openPostgresBooking(options: BookingOptions): Promise<PostgresBooking> {
  return bind(await connectPostgres(options.databaseUrl), options) as PostgresBooking;
}

/** The booking layer over the database the URL names: PostgreSQL's (`postgres://…`) or a SQLite file. */
export async function connectBooking(options: BookingOptions): Promise<Booking> {
  return isPostgresUrl(options.databaseUrl) ? openPostgresBooking(options) : openBooking(options);
}
