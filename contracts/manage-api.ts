import { z } from 'zod';
import type { OrganiserObject } from './realtime';
import { customStatus } from './custom-statuses';
import { extraDataSchema } from './extra-data';

/**
 * The organiser API's box-office changes (`POST /api/manage/events/{eventKey}/changes`): a list of steps applied
 * as one all-or-nothing change. The answer carries the steps that undo it.
 */

const place = z
  .object({
    label: z.string().trim().min(1).max(200),
    /** Standing places; seats, tables and booths leave it out. */
    quantity: z.number().int().min(1).max(100_000).optional(),
    /** What an undo gives back to a seat with its status: its ticket type and extra data. */
    ticketType: z.string().trim().min(1).max(100).optional(),
    extraData: extraDataSchema.optional(),
  })
  .strict();

/** A whole section of a large venue is a few thousand places. */
const places = z.array(place).min(1).max(10_000);

/** Only places in this status are changed (an undo must not undo someone else's later change). */
const onlyIfStatus = z.string().min(1).max(50).optional();

export const organiserStep = z.discriminatedUnion('action', [
  /** The box office names its orders; an undo restores a booking made without one. */
  z.object({ action: z.literal('book'), places, orderId: z.string().trim().min(1).max(100).optional(), onlyIfStatus }).strict(),
  z.object({ action: z.literal('release'), places, onlyIfStatus }).strict(),
  z.object({ action: z.literal('setStatus'), places, status: customStatus, onlyIfStatus }).strict(),
  /** Off sale (status notForSale), and back on sale (free again, only what is off sale). */
  z.object({ action: z.literal('markNotForSale'), places, onlyIfStatus }).strict(),
  z.object({ action: z.literal('markForSale'), places }).strict(),
]);

/** An undo has a step per order it restores. */
export const organiserChangeRequest = z.object({ steps: z.array(organiserStep).min(1).max(1000) }).strict();

export type OrganiserStep = z.infer<typeof organiserStep>;
export type OrganiserChangeRequest = z.infer<typeof organiserChangeRequest>;

/** The changed objects as they are now, and how to undo the change. */
export type OrganiserChangeReply = { changed: OrganiserObject[]; undo: OrganiserChangeRequest };
