import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, primaryKey, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';

/*
 * The schema on PostgreSQL: the same tables, columns, keys and indexes as db/schema.ts (SQLite's, which the
 * booking layer's queries are written against), in PostgreSQL's types. What a column holds in JavaScript is the
 * same in both — times are milliseconds since the epoch (bigint, read as numbers), flags are booleans — so one
 * query answers alike on either. db/schema-dialects.test.ts fails when the two differ.
 */

/** Milliseconds since the epoch: numbers in JavaScript, as SQLite's integers are. */
const millis = (name: string) => bigint(name, { mode: 'number' });

const createdAt = () =>
  millis('created_at')
    .notNull()
    .default(sql`(extract(epoch from clock_timestamp()) * 1000)::bigint`);

export const workspaces = pgTable(
  'workspaces',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull().unique(),
    secretKey: text('secret_key').notNull().unique(),
    orderAccessKey: text('order_access_key'),
    name: text('name').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    isTest: boolean('is_test').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('workspaces_default').on(t.isDefault)],
);

// An integer primary key in SQLite is the rowid, numbered when not given: serial here.
export const companyAdminKey = pgTable('company_admin_key', {
  id: serial('id').primaryKey(),
  keyHash: text('key_hash').notNull(),
  updatedAt: millis('updated_at').notNull(),
});

export const charts = pgTable(
  'charts',
  {
    id: serial('id').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    key: text('key').notNull(),
    name: text('name').notNull(),
    definition: text('definition').notNull(),
    version: integer('version').notNull().default(1),
    draft: text('draft'),
    archived: boolean('archived').notNull().default(false),
    tags: text('tags').notNull().default('[]'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('charts_workspace_key').on(t.workspaceId, t.key)],
);

export const events = pgTable(
  'events',
  {
    id: serial('id').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    chartId: integer('chart_id')
      .notNull()
      .references(() => charts.id),
    key: text('key').notNull(),
    name: text('name'),
    date: text('date'),
    pricing: text('pricing'),
    checkoutMode: text('checkout_mode', { enum: ['handoff', 'reservation'] })
      .notNull()
      .default('handoff'),
    checkoutUrl: text('checkout_url'),
    maxPlacesPerOrder: integer('max_places_per_order').notNull().default(10),
    holdMinutes: integer('hold_minutes').notNull().default(15),
    maxHoldMinutes: integer('max_hold_minutes').notNull().default(30),
    chartConfig: text('chart_config'),
    customStatuses: text('custom_statuses'),
    seq: integer('seq').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: millis('updated_at'),
  },
  (t) => [uniqueIndex('events_workspace_key').on(t.workspaceId, t.key)],
);

export const eventObjects = pgTable(
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
    extraDataId: integer('extra_data_id'),
    forSale: boolean('for_sale').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.label] }),
    index('event_objects_hold_token').on(t.holdToken),
    index('event_objects_order').on(t.eventId, t.orderId),
  ],
);

export const eventChannels = pgTable(
  'event_channels',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    color: text('color'),
    index: integer('index'),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.key] })],
);

export const channelObjects = pgTable(
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

export const extraData = pgTable(
  'extra_data',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    json: text('json').notNull(),
  },
  (t) => [index('extra_data_event').on(t.eventId)],
);

export const gaAllocations = pgTable(
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

export const holdTokens = pgTable(
  'hold_tokens',
  {
    token: text('token').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    eventId: integer('event_id').references(() => events.id, { onDelete: 'cascade' }),
    client: text('client'),
    expiresAt: millis('expires_at').notNull(),
    expired: boolean('expired').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('hold_tokens_pending_expiry').on(t.expired, t.expiresAt), index('hold_tokens_by_client').on(t.client)],
);

export const statusChanges = pgTable(
  'status_changes',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    label: text('label').notNull(),
    status: text('status').notNull(),
    quantity: integer('quantity').notNull().default(1),
    holdToken: text('hold_token'),
    orderId: text('order_id'),
    extraDataId: integer('extra_data_id'),
    origin: text('origin').notNull(),
    createdAt: millis('created_at').notNull(),
  },
  (t) => [uniqueIndex('status_changes_event_seq').on(t.eventId, t.seq), index('status_changes_event_label').on(t.eventId, t.label)],
);

export const organiserCredentials = pgTable('organiser_credentials', {
  id: serial('id').primaryKey(),
  passwordHash: text('password_hash').notNull(),
  updatedAt: millis('updated_at').notNull(),
});

export const organiserSessions = pgTable(
  'organiser_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: millis('created_at').notNull(),
    expiresAt: millis('expires_at').notNull(),
  },
  (t) => [index('organiser_sessions_expiry').on(t.expiresAt)],
);

export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: text('id').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    url: text('url').notNull(),
    events: text('events').notNull(),
    description: text('description'),
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretUntil: millis('previous_secret_until'),
    enabled: boolean('enabled').notNull().default(true),
    failingSince: millis('failing_since'),
    disabledReason: text('disabled_reason'),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [index('webhook_subscriptions_workspace').on(t.workspaceId)],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: serial('id').primaryKey(),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    messageId: text('message_id').notNull(),
    type: text('type').notNull(),
    payload: text('payload').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: millis('next_attempt_at').notNull(),
    createdAt: millis('created_at').notNull(),
    deliveredAt: millis('delivered_at'),
  },
  (t) => [index('webhook_deliveries_due').on(t.status, t.nextAttemptAt), index('webhook_deliveries_subscription').on(t.subscriptionId, t.id)],
);

export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: serial('id').primaryKey(),
    deliveryId: integer('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    at: millis('at').notNull(),
    responseStatus: integer('response_status'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('webhook_attempts_delivery').on(t.deliveryId)],
);
