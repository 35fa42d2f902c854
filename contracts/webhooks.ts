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
export type WebhookSubscription = {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  enabled: boolean;
  createdAt: string;
  secret?: string;
};

/** One place's change, as a `seat.*` message's `data`. Standing areas carry the quantity that changed. */
export type SeatChangeData = {
  workspaceKey: string;
  eventKey: string;
  chartKey: string;
  objectLabel: string;
  objectType: string;
  status: string;
  previousStatus: string;
  quantity?: number;
  holdToken?: string;
  orderId?: string;
  extraData?: unknown;
  seq: number;
};

/** An event created or changed (its settings, not its places), as an `event.*` message's `data`. */
export type EventChangeData = { workspaceKey: string; eventKey: string; chartKey: string; name: string | null; date: string | null };

export type WebhookMessage = { id: string; type: string; timestamp: string; data: SeatChangeData | EventChangeData | Record<string, unknown> };

/** A delivery as its log shows it. */
export type WebhookDelivery = {
  messageId: string;
  type: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: { at: string; responseStatus: number | null; error: string | null; durationMs: number }[];
  nextAttemptAt: string | null;
  createdAt: string;
};
