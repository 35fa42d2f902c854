import { z } from 'zod';

/*
 * Webhooks (Tessera goes beyond seats.io here: it has none for seat statuses): what a workspace subscribes to, and
 * what each message carries. Messages are signed by the Standard Webhooks specification, so receivers verify them
 * with the `standardwebhooks` package or Svix's libraries.
 */

export const SEAT_EVENT_TYPES = ['seat.held', 'seat.booked', 'seat.released', 'seat.hold_expired', 'seat.status_changed'] as const;
export const EVENT_EVENT_TYPES = ['event.created', 'event.updated'] as const;
export const WEBHOOK_EVENT_TYPES = [...SEAT_EVENT_TYPES, ...EVENT_EVENT_TYPES, '*'] as const;
export type SeatEventType = (typeof SEAT_EVENT_TYPES)[number];
export type MessageType = SeatEventType | (typeof EVENT_EVENT_TYPES)[number];

const url = z.url({ protocol: /^https?$/, hostname: z.regexes.hostname }).max(2000);

export const webhookCreateRequest = z
  .object({
    url,
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(WEBHOOK_EVENT_TYPES.length),
    description: z.string().trim().max(200).optional(),
  })
  .strict();

export const webhookUpdateRequest = z
  .object({
    url: url.optional(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(WEBHOOK_EVENT_TYPES.length).optional(),
    description: z.string().trim().max(200).nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export type WebhookCreateRequest = z.infer<typeof webhookCreateRequest>;
export type WebhookUpdateRequest = z.infer<typeof webhookUpdateRequest>;

/** A subscription as the API shows it; the secret only in the answer that creates it. */
export const webhookSubscription = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    description: z.string().nullable(),
    enabled: z.boolean(),
    /** Why Tessera disabled it (five days without a delivery); null otherwise. Enabling it again clears it. */
    disabledReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
    secret: z.string().optional(),
  })
  .meta({ id: 'WebhookSubscription' });
export type WebhookSubscription = z.infer<typeof webhookSubscription>;

/** One place's change, as a `seat.*` message's `data`. Standing areas carry the quantity that changed. */
export const seatChangeData = z
  .object({
    workspaceKey: z.string(),
    eventKey: z.string(),
    chartKey: z.string(),
    objectLabel: z.string(),
    objectType: z.string(),
    status: z.string(),
    previousStatus: z.string(),
    quantity: z.number().int().optional(),
    holdToken: z.string().optional(),
    orderId: z.string().optional(),
    extraData: z.unknown().optional(),
    seq: z.number().int(),
  })
  .meta({ id: 'SeatChange' });
export type SeatChangeData = z.infer<typeof seatChangeData>;

/** An event created or changed (its settings, not its places), as an `event.*` message's `data`. */
export const eventChangeData = z
  .object({ workspaceKey: z.string(), eventKey: z.string(), chartKey: z.string(), name: z.string().nullable(), date: z.string().nullable() })
  .meta({ id: 'EventChange' });
export type EventChangeData = z.infer<typeof eventChangeData>;

export type WebhookMessage = { id: string; type: string; timestamp: string; data: SeatChangeData | EventChangeData | Record<string, unknown> };

/** A delivery as its log shows it. */
export const webhookDelivery = z
  .object({
    messageId: z.string(),
    type: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.array(z.object({ at: z.iso.datetime(), responseStatus: z.number().int().nullable(), error: z.string().nullable(), durationMs: z.number() })),
    nextAttemptAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof webhookDelivery>;
