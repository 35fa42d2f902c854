import { and, asc, eq, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { FREE, HELD } from '../../contracts/statuses';
import {
  channelObjects,
  charts,
  eventChannels,
  eventObjects,
  events,
  extraData,
  gaAllocations,
  holdTokens,
  statusChanges,
  webhookAttempts,
  webhookDeliveries,
  webhookSubscriptions,
  workspaces,
} from '../../db/schema';

const p = sql.placeholder;

/**
 * The hot-path statements, prepared once per database: building a Drizzle query on every call measured
 * ~6× slower than raw better-sqlite3 here, a prepared one ~1.75×.
 */
export function prepareStatements(db: Db) {
  return {
    /** Every API request authenticates: the secret key lookup is on the hot path too. */
    workspaceBySecretKey: db
      .select()
      .from(workspaces)
      .where(eq(workspaces.secretKey, p('secretKey')))
      .prepare(),
    // Every buyer page load reads its event's public view (server/page-cache.ts): prepared, like the holds.
    workspaceById: db
      .select()
      .from(workspaces)
      .where(eq(workspaces.id, p('id')))
      .prepare(),
    eventWithChartKey: db
      .select({ event: events, chartKey: charts.key })
      .from(events)
      .innerJoin(charts, eq(charts.id, events.chartId))
      .where(and(eq(events.key, p('key')), eq(events.workspaceId, p('workspaceId'))))
      .prepare(),
    eventByKey: db
      .select({
        id: events.id,
        key: events.key,
        workspaceId: events.workspaceId,
        chartId: events.chartId,
        seq: events.seq,
        checkoutMode: events.checkoutMode,
        checkoutUrl: events.checkoutUrl,
        maxPlacesPerOrder: events.maxPlacesPerOrder,
        holdMinutes: events.holdMinutes,
        maxHoldMinutes: events.maxHoldMinutes,
        chartConfig: events.chartConfig,
        // Most events have no channels: then no change looks a place's channel up.
        hasChannels: sql<number>`exists (select 1 from ${eventChannels} where ${eventChannels.eventId} = ${events.id})`,
      })
      .from(events)
      .where(and(eq(events.key, p('key')), eq(events.workspaceId, p('workspaceId'))))
      .prepare(),
    /** The workspace a buyer addresses: by its public key (active ones only), or the default one. */
    publicWorkspace: db
      .select({ id: workspaces.id })
      .from(workspaces)
      .where(and(eq(workspaces.key, p('key')), eq(workspaces.isActive, true)))
      .prepare(),
    defaultWorkspaceId: db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.isDefault, true)).prepare(),
    channelOf: db
      .select({ channelKey: channelObjects.channelKey })
      .from(channelObjects)
      .where(and(eq(channelObjects.eventId, p('eventId')), eq(channelObjects.label, p('label'))))
      .prepare(),
    channelledLabels: db
      .select({ label: channelObjects.label, channelKey: channelObjects.channelKey })
      .from(channelObjects)
      .where(eq(channelObjects.eventId, p('eventId')))
      .prepare(),
    chartDefinition: db
      .select({ definition: charts.definition, key: charts.key })
      .from(charts)
      .where(eq(charts.id, p('id')))
      .prepare(),
    holdToken: db
      .select()
      .from(holdTokens)
      .where(eq(holdTokens.token, p('token')))
      .prepare(),
    seat: db
      .select({
        status: eventObjects.status,
        holdToken: eventObjects.holdToken,
        orderId: eventObjects.orderId,
        ticketType: eventObjects.ticketType,
        extraDataId: eventObjects.extraDataId,
        extraData: extraData.json,
        forSale: eventObjects.forSale,
      })
      .from(eventObjects)
      .leftJoin(extraData, eq(extraData.id, eventObjects.extraDataId))
      .where(and(eq(eventObjects.eventId, p('eventId')), eq(eventObjects.label, p('label'))))
      .prepare(),
    updateSeat: db
      .update(eventObjects)
      .set({
        status: sql`${p('status')}`,
        holdToken: sql`${p('holdToken')}`,
        orderId: sql`${p('orderId')}`,
        ticketType: sql`${p('ticketType')}`,
        extraDataId: sql`${p('extraDataId')}`,
      })
      .where(and(eq(eventObjects.eventId, p('eventId')), eq(eventObjects.label, p('label'))))
      .prepare(),
    /** Seats, tables and booths that are not plainly free: what a snapshot and best available need to know. */
    unavailableSeats: db
      .select({ label: eventObjects.label, status: eventObjects.status })
      .from(eventObjects)
      .where(and(eq(eventObjects.eventId, p('eventId')), or(ne(eventObjects.status, FREE), eq(eventObjects.forSale, false))))
      .prepare(),
    gaAllocationsOfEvent: db
      .select({ label: gaAllocations.label, quantity: gaAllocations.quantity })
      .from(gaAllocations)
      .where(eq(gaAllocations.eventId, p('eventId')))
      .prepare(),
    gaAllocations: db
      .select({ status: gaAllocations.status, holdToken: gaAllocations.holdToken, quantity: gaAllocations.quantity })
      .from(gaAllocations)
      .where(and(eq(gaAllocations.eventId, p('eventId')), eq(gaAllocations.label, p('label'))))
      .prepare(),
    deleteGaAllocations: db
      .delete(gaAllocations)
      .where(and(eq(gaAllocations.eventId, p('eventId')), eq(gaAllocations.label, p('label'))))
      .prepare(),
    insertGaAllocation: db
      .insert(gaAllocations)
      .values({ eventId: p('eventId'), label: p('label'), status: p('status'), holdToken: p('holdToken'), quantity: p('quantity') })
      .prepare(),
    insertWebhookDelivery: db
      .insert(webhookDeliveries)
      .values({
        subscriptionId: p('subscriptionId'),
        messageId: p('messageId'),
        type: p('type'),
        payload: p('payload'),
        nextAttemptAt: p('nextAttemptAt'),
        createdAt: p('createdAt'),
      })
      .prepare(),
    // The webhook dispatcher's bookkeeping runs on the booking thread beside holds: prepared, like the holds.
    dueWebhookDeliveries: db
      .select({
        id: webhookDeliveries.id,
        subscriptionId: webhookDeliveries.subscriptionId,
        messageId: webhookDeliveries.messageId,
        payload: webhookDeliveries.payload,
        attempts: webhookDeliveries.attempts,
        url: webhookSubscriptions.url,
        secret: webhookSubscriptions.secret,
        previousSecret: webhookSubscriptions.previousSecret,
        previousSecretUntil: webhookSubscriptions.previousSecretUntil,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
      .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, p('now')), eq(webhookSubscriptions.enabled, true)))
      .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
      .limit(p('limit'))
      .prepare(),
    /** An attempt's outcome: the status, the count, and (when given) the next attempt's or the delivery's time. */
    recordWebhookDelivery: db
      .update(webhookDeliveries)
      .set({
        status: sql`${p('status')}`,
        attempts: sql`${p('attempts')}`,
        nextAttemptAt: sql`coalesce(${p('nextAttemptAt')}, ${webhookDeliveries.nextAttemptAt})`,
        deliveredAt: sql`coalesce(${p('deliveredAt')}, ${webhookDeliveries.deliveredAt})`,
      })
      .where(eq(webhookDeliveries.id, p('id')))
      .prepare(),
    insertWebhookAttempt: db
      .insert(webhookAttempts)
      .values({
        deliveryId: p('deliveryId'),
        at: p('at'),
        responseStatus: p('responseStatus'),
        error: p('error'),
        durationMs: p('durationMs'),
      })
      .prepare(),
    bumpSeq: db
      .update(events)
      .set({ seq: sql`${events.seq} + ${p('count')}` })
      .where(eq(events.id, p('eventId')))
      .returning({ seq: events.seq })
      .prepare(),
    insertStatusChange: db
      .insert(statusChanges)
      .values({
        eventId: p('eventId'),
        seq: p('seq'),
        label: p('label'),
        status: p('status'),
        quantity: p('quantity'),
        holdToken: p('holdToken'),
        orderId: p('orderId'),
        extraDataId: p('extraDataId'),
        origin: p('origin'),
        createdAt: p('createdAt'),
      })
      .prepare(),
    insertExtraData: db
      .insert(extraData)
      .values({ eventId: p('eventId'), json: p('json') })
      .returning({ id: extraData.id })
      .prepare(),
    dueHoldTokens: db
      .select({ token: holdTokens.token, workspaceId: holdTokens.workspaceId })
      .from(holdTokens)
      .where(and(eq(holdTokens.expired, false), lte(holdTokens.expiresAt, p('now'))))
      .orderBy(asc(holdTokens.expiresAt))
      .limit(100)
      .prepare(),
    seatsHeldBy: db
      .select({ eventId: eventObjects.eventId, label: eventObjects.label })
      .from(eventObjects)
      .where(and(eq(eventObjects.holdToken, p('token')), eq(eventObjects.status, HELD)))
      .prepare(),
    gaHeldBy: db
      .select({ eventId: gaAllocations.eventId, label: gaAllocations.label, status: gaAllocations.status, quantity: gaAllocations.quantity })
      .from(gaAllocations)
      .where(eq(gaAllocations.holdToken, p('token')))
      .prepare(),
    insertHoldToken: db
      .insert(holdTokens)
      .values({
        token: p('token'),
        workspaceId: p('workspaceId'),
        eventId: p('eventId'),
        client: p('client'),
        expiresAt: p('expiresAt'),
        createdAt: p('createdAt'),
      })
      .prepare(),
    /**
     * An anonymous client's live tokens on an event, and the venue's tokens it claimed (good at any of the
     * workspace's events): what its places per event are counted over.
     */
    liveTokensOfClient: db
      .select({ token: holdTokens.token })
      .from(holdTokens)
      .where(
        and(
          or(eq(holdTokens.eventId, p('eventId')), isNull(holdTokens.eventId)),
          eq(holdTokens.client, p('client')),
          // Unary plus: these terms must not use the expiry index (see hold_tokens_by_client in db/schema.ts).
          sql`+${holdTokens.expired} = 0`,
          sql`+${holdTokens.expiresAt} > ${p('now')}`,
        ),
      )
      .prepare(),
    markTokenExpired: db
      .update(holdTokens)
      .set({ expired: true })
      .where(eq(holdTokens.token, p('token')))
      .prepare(),
    eventKeyById: db
      .select({ key: events.key, workspaceId: events.workspaceId })
      .from(events)
      .where(eq(events.id, p('id')))
      .prepare(),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
