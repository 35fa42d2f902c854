import { z } from 'zod';
import { extraDataSchema } from '../../../contracts/extra-data';
import { pricingSchema } from '../../../contracts/pricing';
import { salesSettingsPatch } from '../../../contracts/sales';

/** Request bodies of the seats.io dialect. Limits keep one request from holding the write lock for long. */

export const MAX_OBJECTS = 1000;

const key = z.string().trim().min(1).max(200);
const statusName = z.string().trim().min(1).max(100);

export const objectRef = z.union([
  key,
  z.object({
    objectId: key,
    ticketType: z.string().max(100).optional(),
    quantity: z.number().int().min(1).max(100_000).optional(),
    extraData: extraDataSchema.optional(),
  }),
]);

const changeOptions = {
  holdToken: z.string().min(1).max(100).nullish(),
  orderId: z.string().max(200).nullish(),
  keepExtraData: z.boolean().nullish(),
  ignoreChannels: z.boolean().nullish(),
  channelKeys: z.array(z.string()).nullish(),
  allowedPreviousStatuses: z.array(statusName).max(50).nullish(),
  rejectedPreviousStatuses: z.array(statusName).max(50).nullish(),
};

export const bestAvailable = z.object({
  number: z.number().int().min(1).max(100),
  categories: z
    .array(z.union([z.string(), z.number()]))
    .max(100)
    .nullish(),
  extraData: z.array(extraDataSchema).nullish(),
  ticketTypes: z.array(z.string()).nullish(),
  accessibleSeats: z.number().int().min(0).max(100).nullish(),
  tryToPreventOrphanSeats: z.boolean().nullish(),
});

/** POST /events/{key}/actions/{book,hold,release,change-object-status} */
export const eventActionBody = z.object({
  objects: z.array(objectRef).min(1).max(MAX_OBJECTS).optional(),
  status: statusName.optional(),
  bestAvailable: bestAvailable.optional(),
  ...changeOptions,
});

const changeType = z.enum(['CHANGE_STATUS_TO', 'RELEASE']);

/** POST /events/groups/actions/change-object-status */
export const groupChangeBody = z.object({
  events: z.array(key).min(1).max(100),
  objects: z.array(objectRef).min(1).max(MAX_OBJECTS),
  type: changeType.optional(),
  status: statusName.optional(),
  ...changeOptions,
});

/** POST /events/actions/change-object-status */
export const batchChangeBody = z.object({
  statusChanges: z
    .array(
      z.object({
        event: key,
        objects: z.array(objectRef).min(1).max(MAX_OBJECTS),
        type: changeType.optional(),
        status: statusName.optional(),
        ...changeOptions,
      }),
    )
    .min(1)
    .max(100),
});

export const holdTokenBody = z.object({ expiresInMinutes: z.number().positive().max(1_000_000).optional() }).optional();
export const extendHoldTokenBody = z.object({ expiresInMinutes: z.number().positive().max(1_000_000) });

const eventFields = {
  eventKey: key.optional(),
  name: z.string().max(200).nullish(),
  date: z.iso.date().nullish(),
  tableBookingConfig: z.unknown().optional(),
  objectCategories: z.unknown().optional(),
  categories: z.unknown().optional(),
  channels: z.unknown().optional(),
  forSaleConfig: z.unknown().optional(),
  /** Tessera's extension: prices per category for the buyer chart. */
  pricing: pricingSchema.optional(),
  /** Tessera's extension: how anonymous buyers hold and check out (contracts/sales.ts); any subset. */
  salesSettings: salesSettingsPatch.optional(),
};

const eventFieldsBody = z.object(eventFields);
export type EventFields = z.infer<typeof eventFieldsBody>;

export const createEventBody = eventFieldsBody.extend({ chartKey: key });
export const createEventsBody = z.object({ chartKey: key, events: z.array(eventFieldsBody).min(1).max(100) });
export const updateEventBody = eventFieldsBody.extend({ isInThePast: z.boolean().optional() });

export const createWorkspaceBody = z.object({ name: z.string().trim().min(1).max(200), isTest: z.boolean().optional() });

export const extraDataBody = z.object({ extraData: extraDataSchema.nullable() });
export const extraDatasBody = z.object({ extraData: z.record(key, extraDataSchema.nullable()) });

export const simpleChartBody = z.object({
  name: z.string().max(200).nullish(),
  venueType: z.string().max(100).nullish(),
  categories: z
    .array(
      z.object({
        key: z.union([z.number().int(), z.string().min(1)]),
        label: z.string().max(200),
        color: z.string().max(50),
        accessible: z.boolean().optional(),
      }),
    )
    .max(1000)
    .nullish(),
  key: key.optional(),
});

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  start_after_id: z.coerce.number().int().min(0).optional(),
  end_before_id: z.coerce.number().int().min(0).optional(),
  filter: z.string().max(200).optional(),
});
