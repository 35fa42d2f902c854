import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { WebhookSubscriptionRow } from '../../db/schema';
import type {
  EventChangeData,
  SeatChangeData,
  SeatEventType,
  WebhookCreateRequest,
  WebhookDelivery,
  WebhookSubscription,
  WebhookUpdateRequest,
} from '../../contracts/webhooks';
import type { Store } from './store';
import { exec, many, nothing, one, transaction, type Steps } from '../../db/steps';

/*
 * Webhook subscriptions and their outbox. Seat changes put their messages in the outbox inside the transaction of
 * the change (enqueueMessages); the dispatcher (server/webhooks/dispatcher.ts) takes what is due, sends it, and
 * records each attempt here. Delivery is at least once, with the same message id on every attempt.
 */

/** After the n-th failed attempt, the next comes this much later (Svix's schedule); after the last, none. */
export const RETRY_SCHEDULE_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 10 * 3_600_000];

type Subscribed = { id: string; events: Set<string>; workspaceKey: string };

/**
 * Each workspace's enabled subscriptions, read once and kept until one of them changes: the hot path asks per change.
 * Only by a process that is the database's only user: another instance's new subscription must be seen at once.
 */
const enabledCache = new WeakMap<Store, Map<number, Subscribed[]>>();

/** A workspace's enabled subscriptions, from memory without a step when they are there: every change asks. */
function keptSubscriptions(store: Store, workspaceId: number): Subscribed[] | undefined {
  return enabledCache.get(store)?.get(workspaceId);
}

function* readSubscriptions(store: Store, workspaceId: number): Steps<Subscribed[]> {
  const rows = yield* many(store.statements.enabledSubscriptions, { workspaceId });
  const list = rows.map((s) => ({ id: s.id, events: new Set(JSON.parse(s.events) as string[]), workspaceKey: s.workspaceKey }));
  if (!store.alone) return list;
  let byWorkspace = enabledCache.get(store);
  if (!byWorkspace) enabledCache.set(store, (byWorkspace = new Map()));
  byWorkspace.set(workspaceId, list);
  return list;
}

const forget = (store: Store, workspaceId: number) => enabledCache.get(store)?.delete(workspaceId);

const iso = (ms: number) => new Date(ms).toISOString();

function view(row: WebhookSubscriptionRow, withSecret = false): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    description: row.description,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    createdAt: iso(row.createdAt),
    ...(withSecret ? { secret: row.secret } : {}),
  };
}

const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

export function* createWebhook(store: Store, workspaceId: number, request: WebhookCreateRequest): Steps<WebhookSubscription> {
  const { webhookSubscriptions } = store.tables;
  const now = store.now();
  const row = yield* one(
    store.db
      .insert(webhookSubscriptions)
      .values({
        id: `wh_${randomUUID().replaceAll('-', '')}`,
        workspaceId,
        url: request.url,
        events: JSON.stringify([...new Set(request.events)]),
        description: request.description ?? null,
        secret: newSecret(),
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
  );
  forget(store, workspaceId);
  return view(row, true);
}

function subscriptionRow(store: Store, workspaceId: number, id: string): Steps<WebhookSubscriptionRow | undefined> {
  const { webhookSubscriptions } = store.tables;
  return one(
    store.db
      .select()
      .from(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.workspaceId, workspaceId))),
  );
}

export function* listWebhooks(store: Store, workspaceId: number): Steps<WebhookSubscription[]> {
  const { webhookSubscriptions } = store.tables;
  const rows = yield* many(
    store.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.workspaceId, workspaceId)).orderBy(asc(webhookSubscriptions.createdAt)),
  );
  return rows.map((row) => view(row));
}

export function* webhookById(store: Store, workspaceId: number, id: string): Steps<WebhookSubscription | undefined> {
  const row = yield* subscriptionRow(store, workspaceId, id);
  return row && view(row);
}

export function* updateWebhook(store: Store, workspaceId: number, id: string, request: WebhookUpdateRequest): Steps<WebhookSubscription | undefined> {
  const { webhookSubscriptions } = store.tables;
  const row = yield* transaction(function* () {
    if (!(yield* subscriptionRow(store, workspaceId, id))) return undefined;
    return yield* one(
      store.db
        .update(webhookSubscriptions)
        .set({
          ...(request.url !== undefined ? { url: request.url } : {}),
          ...(request.events !== undefined ? { events: JSON.stringify([...new Set(request.events)]) } : {}),
          ...(request.description !== undefined ? { description: request.description } : {}),
          // Enabled again by hand: its failures start afresh.
          ...(request.enabled !== undefined ? { enabled: request.enabled, failingSince: null, disabledReason: null } : {}),
          updatedAt: store.now(),
        })
        .where(eq(webhookSubscriptions.id, id))
        .returning(),
    );
  });
  forget(store, workspaceId);
  return row && view(row);
}

/** Deletes the subscription and what it still had to deliver. */
export function* deleteWebhook(store: Store, workspaceId: number, id: string): Steps<boolean> {
  const { webhookSubscriptions } = store.tables;
  const deleted = yield* exec(
    store.db.delete(webhookSubscriptions).where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.workspaceId, workspaceId))),
  );
  forget(store, workspaceId);
  return deleted.changes > 0;
}

/** A change to tell subscribers of; `data` lacks the workspace key, which the subscription knows. */
export type Message =
  | { type: SeatEventType; data: Omit<SeatChangeData, 'workspaceKey'> }
  | { type: 'event.created' | 'event.updated'; data: Omit<EventChangeData, 'workspaceKey'> };

const newMessageId = () => `msg_${randomUUID().replaceAll('-', '')}`;

/** One message for one subscription into the outbox, due now. */
function putInOutbox(store: Store, subscriptionId: string, message: { id: string; type: string; data: object }, now: number): Steps<unknown> {
  const payload = JSON.stringify({ id: message.id, type: message.type, timestamp: iso(now), data: message.data });
  return exec(store.statements.insertWebhookDelivery, {
    subscriptionId,
    messageId: message.id,
    type: message.type,
    payload,
    nextAttemptAt: now,
    createdAt: now,
  });
}

/**
 * Puts a message per change per interested subscription in the outbox. Call inside the change's transaction. The
 * messages are built only when the workspace has subscriptions: without, a change pays one map lookup.
 */
export function enqueueMessages(store: Store, workspaceId: number, build: () => Steps<Message[]>, now: number): Steps<void> {
  const kept = keptSubscriptions(store, workspaceId);
  return kept?.length === 0 ? nothing : putMessages(store, workspaceId, kept, build, now);
}

function* putMessages(store: Store, workspaceId: number, kept: Subscribed[] | undefined, build: () => Steps<Message[]>, now: number): Steps<void> {
  const subscriptions = kept ?? (yield* readSubscriptions(store, workspaceId));
  if (!subscriptions.length) return;
  for (const message of yield* build()) {
    // One message id per change: every subscription gets the same id for the same change.
    const id = newMessageId();
    for (const subscription of subscriptions) {
      if (!subscription.events.has(message.type) && !subscription.events.has('*')) continue;
      yield* putInOutbox(store, subscription.id, { id, type: message.type, data: { workspaceKey: subscription.workspaceKey, ...message.data } }, now);
    }
  }
}

/** A due delivery, with where it goes and the secrets to sign it with (two for a day after a rotation). */
export type DueDelivery = { id: number; subscriptionId: string; messageId: string; payload: string; attempts: number; url: string; secrets: string[] };

/** Deliveries whose time has come, oldest first, with where to send them and the keys to sign them with. */
export function dueDeliveries(store: Store, limit: number): Steps<DueDelivery[]> {
  return store.alone ? readDue(store, limit) : transaction(() => claimDue(store, limit));
}

/**
 * How long a delivery another instance has claimed waits before it is due again: longer than sending takes (15 s at
 * most), so only a claim whose instance died with it is taken over — and sent again, as at-least-once allows.
 */
const CLAIM_MS = 30_000;

/**
 * With several instances, each claims the deliveries it sends: those it reads, locked and skipped by the others'
 * reads (Dialect.skipLocked), fall due again only once the claim has lapsed. Recording the attempt sets the next one.
 */
function* claimDue(store: Store, limit: number): Steps<DueDelivery[]> {
  const { webhookDeliveries } = store.tables;
  const due = yield* readDue(store, limit);
  if (due.length) {
    yield* exec(
      store.db
        .update(webhookDeliveries)
        .set({ nextAttemptAt: store.now() + CLAIM_MS })
        .where(
          inArray(
            webhookDeliveries.id,
            due.map((d) => d.id),
          ),
        ),
    );
  }
  return due;
}

function* readDue(store: Store, limit: number): Steps<DueDelivery[]> {
  const now = store.now();
  return (yield* many(store.statements.dueWebhookDeliveries, { now, limit })).map(({ secret, previousSecret, previousSecretUntil, ...d }) => ({
    ...d,
    secrets: previousSecret && (previousSecretUntil ?? 0) > now ? [secret, previousSecret] : [secret],
  }));
}

/** How long messages are also signed with the secret a rotation replaced. */
const ROTATION_OVERLAP_MS = 24 * 3_600_000;

/** A new signing secret; the old one keeps signing too for a day, so receivers can switch without losing messages. */
export function* rotateWebhookSecret(store: Store, workspaceId: number, id: string): Steps<WebhookSubscription | undefined> {
  const { webhookSubscriptions } = store.tables;
  const row = yield* transaction(function* () {
    const current = yield* subscriptionRow(store, workspaceId, id);
    if (!current) return undefined;
    return yield* one(
      store.db
        .update(webhookSubscriptions)
        .set({ secret: newSecret(), previousSecret: current.secret, previousSecretUntil: store.now() + ROTATION_OVERLAP_MS, updatedAt: store.now() })
        .where(eq(webhookSubscriptions.id, id))
        .returning(),
    );
  });
  return row && view(row, true);
}

/** Puts a `webhook.test` message for this subscription alone in the outbox; its id, or undefined. */
export function sendTestMessage(store: Store, workspaceId: number, id: string): Steps<string | undefined> {
  return transaction(function* () {
    const subscription = yield* subscriptionRow(store, workspaceId, id);
    if (!subscription) return undefined;
    const messageId = newMessageId();
    yield* putInOutbox(store, id, { id: messageId, type: 'webhook.test', data: { subscriptionId: id } }, store.now());
    return messageId;
  });
}

/** Sends a delivery again from the start of the schedule (a failed one, or one still waiting for its next retry). */
export function replayWebhookDelivery(store: Store, workspaceId: number, id: string, messageId: string): Steps<boolean> {
  const { webhookDeliveries } = store.tables;
  return transaction(function* () {
    if (!(yield* subscriptionRow(store, workspaceId, id))) return false;
    const replayed = yield* exec(
      store.db
        .update(webhookDeliveries)
        .set({ status: 'pending', attempts: 0, nextAttemptAt: store.now() })
        .where(and(eq(webhookDeliveries.subscriptionId, id), eq(webhookDeliveries.messageId, messageId), ne(webhookDeliveries.status, 'delivered'))),
    );
    return replayed.changes > 0;
  });
}

export type AttemptResult = { ok: boolean; responseStatus: number | null; error: string | null; durationMs: number };

/** A subscription whose attempts have all failed for this long is disabled (as Svix does), and the organiser told. */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 3_600_000;

/**
 * Records attempts, in one transaction: each delivery delivered, due again on the schedule, or failed for good
 * after the last retry. A delivery deleted meanwhile (its subscription was) is skipped. Returns the subscriptions
 * this disabled.
 */
export function recordAttempts(
  store: Store,
  attempted: { delivery: Pick<DueDelivery, 'id' | 'attempts' | 'subscriptionId'>; result: AttemptResult }[],
): Steps<WebhookSubscription[]> {
  const now = store.now();
  return transaction(function* () {
    for (const { delivery, result } of attempted) {
      const attempts = delivery.attempts + 1;
      const retryIn = RETRY_SCHEDULE_MS[attempts - 1];
      const outcome = result.ok
        ? { status: 'delivered', deliveredAt: now, nextAttemptAt: null }
        : retryIn === undefined
          ? { status: 'failed', deliveredAt: null, nextAttemptAt: null }
          : { status: 'pending', deliveredAt: null, nextAttemptAt: now + retryIn };
      const updated = yield* exec(store.statements.recordWebhookDelivery, { id: delivery.id, attempts, ...outcome });
      if (updated.changes)
        yield* exec(store.statements.insertWebhookAttempt, {
          deliveryId: delivery.id,
          at: now,
          responseStatus: result.responseStatus,
          error: result.error,
          durationMs: result.durationMs,
        });
    }
    return yield* trackFailures(store, attempted, now);
  });
}

/**
 * A success clears a subscription's failures; a batch of failures only starts the clock, or, five days on, disables
 * it with the reason (its undelivered messages wait, and go out once it is enabled again).
 */
function* trackFailures(
  store: Store,
  attempted: { delivery: Pick<DueDelivery, 'subscriptionId'>; result: AttemptResult }[],
  now: number,
): Steps<WebhookSubscription[]> {
  const { webhookSubscriptions } = store.tables;
  const lastError = new Map<string, string | null>();
  for (const { delivery, result } of attempted) {
    const previous = lastError.get(delivery.subscriptionId);
    // A subscription with any success in the batch maps to null.
    if (previous !== null) lastError.set(delivery.subscriptionId, result.ok ? null : (result.error ?? `answered ${result.responseStatus}`));
  }
  const disabled: WebhookSubscription[] = [];
  for (const [id, error] of lastError) {
    const current = yield* one(store.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)));
    if (!current) continue;
    const setFailingSince = (failingSince: number | null) =>
      exec(store.db.update(webhookSubscriptions).set({ failingSince }).where(eq(webhookSubscriptions.id, id)));
    if (error === null) {
      if (current.failingSince !== null) yield* setFailingSince(null);
      continue;
    }
    const since = current.failingSince ?? now;
    if (!current.enabled || now - since < DISABLE_AFTER_FAILING_MS) {
      if (current.failingSince === null) yield* setFailingSince(now);
      continue;
    }
    const disabledReason = `No message was delivered from ${iso(since).slice(0, 16).replace('T', ' ')} UTC to ${iso(now).slice(0, 16).replace('T', ' ')} UTC (last error: ${error}).`;
    const row = yield* one(
      store.db.update(webhookSubscriptions).set({ enabled: false, disabledReason, updatedAt: now }).where(eq(webhookSubscriptions.id, id)).returning(),
    );
    forget(store, row.workspaceId);
    disabled.push(view(row));
  }
  return disabled;
}

/** A subscription's latest deliveries, newest first, each with its attempts. */
export function webhookDeliveryLog(store: Store, workspaceId: number, id: string, limit: number): Steps<WebhookDelivery[] | undefined> {
  const { webhookAttempts, webhookDeliveries } = store.tables;
  return transaction(function* () {
    if (!(yield* subscriptionRow(store, workspaceId, id))) return undefined;
    const deliveries = yield* many(
      store.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, id)).orderBy(desc(webhookDeliveries.id)).limit(limit),
    );
    const ids = deliveries.map((d) => d.id);
    const attempts = ids.length
      ? yield* many(store.db.select().from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, ids)).orderBy(asc(webhookAttempts.id)))
      : [];
    return deliveries.map((d): WebhookDelivery => ({
      messageId: d.messageId,
      type: d.type,
      status: d.status,
      attempts: attempts
        .filter((a) => a.deliveryId === d.id)
        .map((a) => ({ at: iso(a.at), responseStatus: a.responseStatus, error: a.error, durationMs: a.durationMs })),
      nextAttemptAt: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
      createdAt: iso(d.createdAt),
    }));
  });
}
