import { z } from 'zod';
import { extraDataSchema } from './extra-data';
import { pricingSchema } from './pricing';
import { salesSettingsSchema } from './sales';
import { eventChartConfigSchema } from './event-chart-schema';

/**
 * The buyer API (`/api/v1`): what a buyer's browser and simple integrations send and get back. No secret key:
 * the hold token is the buyer's credential. The server validates requests with these schemas; the browser's
 * client is typed by them.
 */

const label = z.string().trim().min(1).max(200);
const token = z.string().min(1).max(100);

const objectLabels = z
  .array(label)
  .min(1)
  .max(200)
  .refine((labels) => new Set(labels).size === labels.length, 'labels must be unique');

/** Places of general-admission areas: `{ "GA1": 3 }`. A GA label alone means 1 place. */
const quantities = z.record(label, z.number().int().min(1).max(1000)).optional();

/** How long a new hold lasts; the server refuses more than its maximum. */
const ttlSeconds = z.number().int().min(1).optional();

/** The keys of the sales channels whose places this buyer may take (an embedded chart's `channels`). */
const channelKeys = z.array(z.string().min(1).max(200)).min(1).max(20).optional();

export const holdRequest = z.object({ objectLabels, quantities, ttlSeconds, holdToken: token.optional(), channelKeys }).strict();

/** Hold the best available adjacent seats instead of named ones. */
export const holdBestAvailableRequest = z
  .object({
    bestAvailable: z.object({ number: z.number().int().min(1).max(50), categories: z.array(z.string().max(100)).max(50).optional() }).strict(),
    ttlSeconds,
    holdToken: token.optional(),
    channelKeys,
  })
  .strict();

/** The ticket type of each place whose category has several (adult, child…); the default ticket type otherwise. */
const ticketTypes = z.record(label, z.string().trim().min(1).max(50)).optional();

/** A buyer books what their token holds; the server names the order. */
export const bookRequest = z.object({ objectLabels, quantities, holdToken: token, ticketTypes }).strict();

/** The venue (secret key) may also name the order and attach extra data to the places. */
export const venueBookRequest = bookRequest.extend({ extraData: extraDataSchema.optional(), orderId: z.string().min(1).max(100).optional() }).strict();

export const releaseRequest = z.object({ objectLabels, quantities, holdToken: token.optional() }).strict();

export const extendRequest = z.object({ ttlSeconds: z.number().int().min(1) }).strict();
/** `POST /events/{key}/hold-tokens`: a session before the first hold (an embedded chart's `start` session). */
export const startSessionRequest = z.object({ ttlSeconds }).strict();

export type HoldRequest = z.input<typeof holdRequest>;
export type HoldBestAvailableRequest = z.input<typeof holdBestAvailableRequest>;
export type BookRequest = z.input<typeof bookRequest>;
export type VenueBookRequest = z.input<typeof venueBookRequest>;
export type ReleaseRequest = z.input<typeof releaseRequest>;
export type ExtendRequest = z.input<typeof extendRequest>;
export type StartSessionRequest = z.input<typeof startSessionRequest>;

/** Why a place was refused: a closed set, mapped exhaustively from the booking layer's reasons. */
export const FAILURE_REASONS = [
  'object_not_found',
  'not_bookable',
  'not_for_sale',
  'not_in_channel',
  'duplicate_object',
  'already_taken',
  'already_free',
  'held_by_other_token',
  'not_held_by_token',
  'hold_token_required',
  'hold_token_invalid',
  'hold_token_expired',
  'previous_status_rejected',
  'insufficient_capacity',
  'quantity_not_allowed',
  'too_many_places',
  'too_many_places_for_client',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/*
 * Replies. Schemas rather than bare types: the API reference (`/api/openapi.json`) is generated from them, and the
 * tests check real replies against it.
 */

const isoTime = z.iso.datetime();

/** A held place: seats, tables and booths carry their status, general-admission areas how many places. */
export const heldPlace = z
  .object({ objectLabel: z.string(), objectType: z.string(), status: z.string().optional(), quantity: z.number().int().optional() })
  .meta({ id: 'HeldPlace' });
export const holdReply = z.object({ holdToken: z.string(), expiresAt: isoTime, held: z.array(heldPlace) }).meta({ id: 'HoldReply' });

/**
 * How buyers address an event: its key in a workspace named by its public key, or in the default workspace when
 * none is named (`/events/{eventKey}`): event keys are unique only within a workspace, as in seats.io.
 */
export type PublicAddress = { eventKey: string; workspaceKey?: string | undefined };

/** The address a buyer page's URL gives: its event key, and the workspace its `?workspaceKey=` names, if any. */
export const publicAddress = (eventKey: string, workspaceKey: unknown): PublicAddress => ({
  eventKey,
  ...(typeof workspaceKey === 'string' ? { workspaceKey } : {}),
});

/** A buyer page of the event (`rest` after its key: `/orders/…`), naming the workspace when it is not the default. */
export function eventPagePath(address: PublicAddress, rest = '', query: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...(address.workspaceKey ? { workspaceKey: address.workspaceKey } : {}), ...query }).toString();
  return `/events/${encodeURIComponent(address.eventKey)}${rest}${params ? `?${params}` : ''}`;
}

/**
 * `GET /events/{key}`: an event as buyers see it. The venue itself is not in it: `chartUrl` (relative to this server)
 * is a cacheable document per chart version, so an event's answer stays small however large the venue.
 */
export const publicEventReply = z
  .object({
    key: z.string(),
    name: z.string().nullable(),
    /** The public key of the event's workspace (an embedded chart names it). */
    workspaceKey: z.string(),
    chartUrl: z.string(),
    pricing: pricingSchema.optional(),
    sales: salesSettingsSchema,
    /**
     * Places kept for sales channels (which ones is not said: a channel's key is what unlocks it): buyers take them
     * only with the channel's key, through `channelKeys` (an embedded chart's `channels`).
     */
    inChannels: z.array(z.string()).optional(),
    /** What the event changes of the chart document (contracts/event-chart.ts): every chart applies it. */
    chartConfig: eventChartConfigSchema.optional(),
  })
  .meta({ id: 'PublicEvent' });

/** `GET /events/{key}/channels/{channelKey}`: the places a channel's key unlocks. */
export const channelPlacesReply = z.object({ key: z.string(), objects: z.array(z.string()) }).meta({ id: 'ChannelPlaces' });
export type ChannelPlaces = z.infer<typeof channelPlacesReply>;
export type PublicEvent = z.infer<typeof publicEventReply>;

export const sessionReply = z.object({ holdToken: z.string(), expiresAt: isoTime }).meta({ id: 'SessionReply' });
export type SessionReply = z.infer<typeof sessionReply>;

/** `GET /hold-tokens/{token}` and its extension: what the token holds, in every event. */
export const tokenReply = z
  .object({
    holdToken: z.string(),
    expiresAt: isoTime,
    held: z.array(z.object({ eventKey: z.string(), objectLabel: z.string(), quantity: z.number().int() })),
  })
  .meta({ id: 'HoldTokenReply' });

/** A booked place, with the extra data the venue attached to the order (null without; it is capped in size). */
export const bookedPlace = z
  .object({
    chartKey: z.string(),
    eventKey: z.string(),
    objectLabel: z.string(),
    status: z.literal('booked'),
    bookedAt: isoTime,
    extraData: z.record(z.string(), z.unknown()).nullable(),
    quantity: z.number().int().optional(),
  })
  .meta({ id: 'BookedPlace' });
/** `confirmationUrl`: the order's confirmation page (path and access key), for the buyer who booked it. */
export const bookReply = z.object({ orderId: z.string(), confirmationUrl: z.string(), booked: z.array(bookedPlace) }).meta({ id: 'BookReply' });
export const releaseReply = z.object({ released: z.array(z.object({ objectLabel: z.string() })) }).meta({ id: 'ReleaseReply' });

export type HeldPlace = z.infer<typeof heldPlace>;
export type HoldReply = z.infer<typeof holdReply>;
export type TokenReply = z.infer<typeof tokenReply>;
export type BookedPlace = z.infer<typeof bookedPlace>;
export type BookReply = z.infer<typeof bookReply>;
export type ReleaseReply = z.infer<typeof releaseReply>;

/** 409: some places could not be changed; nothing was. */
export const conflictReply = z
  .object({ error: z.string(), failed: z.array(z.object({ objectLabel: z.string(), reason: z.enum(FAILURE_REASONS) })) })
  .meta({ id: 'Conflict' });
/** Every other error; `errors` names the fields of a 400. */
export const problemReply = z
  .object({ statusCode: z.number().int(), message: z.string(), errors: z.record(z.string(), z.array(z.string())).optional() })
  .meta({ id: 'Problem' });

export type ConflictReply = z.infer<typeof conflictReply>;
export type ProblemReply = z.infer<typeof problemReply>;
