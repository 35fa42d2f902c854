import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Times are stored as milliseconds since the epoch (integers): cheap to compare in the expiry sweep. */
const createdAt = () =>
  integer('created_at')
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const workspaces = sqliteTable(
  'workspaces',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull().unique(),
    secretKey: text('secret_key').notNull().unique(),
    /** Signs buyers' order confirmation links; apart from the secret key, so rotating that breaks no link. */
    orderAccessKey: text('order_access_key'),
    name: text('name').notNull(),
    isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
    isTest: integer('is_test', { mode: 'boolean' }).notNull().default(false),
    /** A deactivated workspace's keys are refused; its data stays. */
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('workspaces_default').on(t.isDefault)],
);

/** The company admin key (one row), stored as its SHA-256: it manages every workspace. */
export const companyAdminKey = sqliteTable('company_admin_key', {
  id: integer('id').primaryKey(),
  keyHash: text('key_hash').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const charts = sqliteTable(
  'charts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    key: text('key').notNull(),
    name: text('name').notNull(),
    /** The published version: the chart model (contracts/chart.ts) as JSON, what events are sold on. */
    definition: text('definition').notNull(),
    /**
     * Counts the published versions: each publish adds one. Every process keeps charts parsed by id and version, and
     * finds an event's with the event (statements.ts), so none sells on a version another process has replaced.
     */
    version: integer('version').notNull().default(1),
    /**
     * The draft version, as seats.io has one (JSON, with its name): changes to a chart that events use wait here until
     * published; null when there is none.
     */
    draft: text('draft'),
    /** Filing, for the seats.io API's lists: archived or not, and tags (JSON array, sorted). */
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    tags: text('tags').notNull().default('[]'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('charts_workspace_key').on(t.workspaceId, t.key)],
);

export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    chartId: integer('chart_id')
      .notNull()
      .references(() => charts.id),
    /** Unique in its workspace, as in seats.io; buyers address an event by its workspace's public key and its key. */
    key: text('key').notNull(),
    name: text('name'),
    date: text('date'),
    /** Prices per category key for the buyer chart: `{"currency":"EUR","prices":{"1":65}}`. */
    pricing: text('pricing'),
    /** Sales settings (contracts/sales.ts). Events from before they existed get the safe defaults. */
    checkoutMode: text('checkout_mode', { enum: ['handoff', 'reservation'] })
      .notNull()
      .default('handoff'),
    checkoutUrl: text('checkout_url'),
    maxPlacesPerOrder: integer('max_places_per_order').notNull().default(10),
    holdMinutes: integer('hold_minutes').notNull().default(15),
    maxHoldMinutes: integer('max_hold_minutes').notNull().default(30),
    /** What the event changes of its chart (contracts/event-chart.ts) as JSON: table booking, categories; null: nothing. */
    chartConfig: text('chart_config'),
    /** The box office's custom statuses (contracts/custom-statuses.ts) as JSON; null: the default list. */
    customStatuses: text('custom_statuses'),
    /** The sequence number of the last committed status change (see statusChanges.seq). */
    seq: integer('seq').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: integer('updated_at'),
  },
  (t) => [uniqueIndex('events_workspace_key').on(t.workspaceId, t.key)],
);

/** One row per bookable object of an event. General-admission areas keep their counts in gaAllocations. */
export const eventObjects = sqliteTable(
  'event_objects',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    status: text('status').notNull().default('free'),
    holdToken: text('hold_token'),
    orderId: text('order_id'),
    ticketType: text('ticket_type'),
    /** The object's extra data (extraData.id), shared by every object a change gave the same value. */
    extraDataId: integer('extra_data_id'),
    forSale: integer('for_sale', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.label] }),
    index('event_objects_hold_token').on(t.holdToken),
    index('event_objects_order').on(t.eventId, t.orderId),
  ],
);

/**
 * An event's channels (seats.io's): places set aside for some sellers. A place in a channel can be taken only by a
 * caller who names the channel's key (or, the venue, ignores channels); names and colours are for the venue's eyes.
 */
export const eventChannels = sqliteTable(
  'event_channels',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    color: text('color'),
    /** The venue's ordering (seats.io's `index`); channels are listed by it, then in the order they were added. */
    index: integer('index'),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.key] })],
);

/** Which channel a seat, table, booth or standing area is in: at most one. */
export const channelObjects = sqliteTable(
  'channel_objects',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    channelKey: text('channel_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.label] }), index('channel_objects_channel').on(t.eventId, t.channelKey)],
);

/**
 * Extra data (JSON) that changes attach to objects, stored once per distinct value of a change: booking 200 seats
 * with one value writes one row, not 200 (and 200 more in the log). Objects and log entries refer to it by id.
 */
export const extraData = sqliteTable(
  'extra_data',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    json: text('json').notNull(),
  },
  (t) => [index('extra_data_event').on(t.eventId)],
);

/** How many places of a general-admission area are in each status, per hold token ('' for none). */
export const gaAllocations = sqliteTable(
  'ga_allocations',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    status: text('status').notNull(),
    holdToken: text('hold_token').notNull().default(''),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.label, t.status, t.holdToken] }), index('ga_allocations_hold_token').on(t.holdToken)],
);

export const holdTokens = sqliteTable(
  'hold_tokens',
  {
    token: text('token').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** The event an anonymous buyer's token was created on (the only one it may be used on); null for tokens
     * created with the secret key, which the buyer API never accepts. */
    eventId: integer('event_id').references(() => events.id, { onDelete: 'cascade' }),
    /** The client (IPv4 address or IPv6 /64) that created an anonymous buyer's token: places per client count by it. */
    client: text('client'),
    expiresAt: integer('expires_at').notNull(),
    /** Set once the sweeper has released everything the token held: expiry happens exactly once. */
    expired: integer('expired', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  // A client's live tokens (its event's, or venue tokens it claimed) are found by client: statements.ts keeps SQLite
  // from taking the expiry index for that query, which reads every live token of every client. Only the client is
  // indexed, so marking a token expired does not touch this index.
  (t) => [index('hold_tokens_pending_expiry').on(t.expired, t.expiresAt), index('hold_tokens_by_client').on(t.client)],
);

/** Append-only log: every committed change of an object's status, numbered per event. */
export const statusChanges = sqliteTable(
  'status_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    label: text('label').notNull(),
    status: text('status').notNull(),
    quantity: integer('quantity').notNull().default(1),
    holdToken: text('hold_token'),
    orderId: text('order_id'),
    /** The extra data the change set (extraData.id). */
    extraDataId: integer('extra_data_id'),
    /** API_CALL or HOLD_EXPIRED. */
    origin: text('origin').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('status_changes_event_seq').on(t.eventId, t.seq), index('status_changes_event_label').on(t.eventId, t.label)],
);

/** The organisers' password (one, for the default workspace), as a salted scrypt hash: never the password itself. */
export const organiserCredentials = sqliteTable('organiser_credentials', {
  id: integer('id').primaryKey(),
  passwordHash: text('password_hash').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Logged-in organisers: the SHA-256 of each session id (so the table gives nobody a session) and its CSRF token. */
export const organiserSessions = sqliteTable(
  'organiser_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('organiser_sessions_expiry').on(t.expiresAt)],
);

export type Workspace = typeof workspaces.$inferSelect;
export type ChartRow = typeof charts.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type EventObjectRow = typeof eventObjects.$inferSelect;
export type HoldTokenRow = typeof holdTokens.$inferSelect;
export type StatusChangeRow = typeof statusChanges.$inferSelect;

/** Where a workspace wants to hear of changes (Standard Webhooks). The signing secret is `whsec_` + base64. */
export const webhookSubscriptions = sqliteTable(
  'webhook_subscriptions',
  {
    id: text('id').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    url: text('url').notNull(),
    /** The event types it wants (JSON array; `*` for all). */
    events: text('events').notNull(),
    description: text('description'),
    secret: text('secret').notNull(),
    /** After a rotation, messages are signed with the old secret too until this time, so receivers can switch over. */
    previousSecret: text('previous_secret'),
    previousSecretUntil: integer('previous_secret_until'),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    /** When the attempts to this address began failing without a success since; null while it answers. */
    failingSince: integer('failing_since'),
    /** Why the dispatcher disabled it (five days of failures); null when enabled or disabled by hand. */
    disabledReason: text('disabled_reason'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('webhook_subscriptions_workspace').on(t.workspaceId)],
);

/**
 * The outbox: one row per message per subscription, written in the transaction of the change it tells of, so a
 * committed change always has its deliveries and a rolled-back one never does. The dispatcher sends what is due.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    /** The `webhook-id`: the same on every attempt, so receivers can drop duplicates. */
    messageId: text('message_id').notNull(),
    type: text('type').notNull(),
    /** The body exactly as signed and sent. */
    payload: text('payload').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    createdAt: integer('created_at').notNull(),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [index('webhook_deliveries_due').on(t.status, t.nextAttemptAt), index('webhook_deliveries_subscription').on(t.subscriptionId, t.id)],
);

/** Every attempt to deliver a message: when, what the receiver answered (or why there was no answer), how long. */
export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: integer('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    responseStatus: integer('response_status'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('webhook_attempts_delivery').on(t.deliveryId)],
);

export type WebhookSubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
