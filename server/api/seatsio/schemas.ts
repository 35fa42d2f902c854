import { z } from 'zod';
import { cssColourSchema } from '../../../contracts/css-colour';
import { eventCategoriesSchema, objectCategoriesSchema, tableBookingConfigSchema } from '../../../contracts/event-chart-schema';
import { extraDataSchema } from '../../../contracts/extra-data';
import { pricingSchema } from '../../../contracts/pricing';
import { salesSettingsPatch } from '../../../contracts/sales';
import { LOG_SORTS } from '../../booking/status-change-log';
import { TEXT_MATCHES } from '../../booking/text-match';

/**
 * Request bodies of the seats.io dialect. Limits keep one request from holding the write lock for long. Objects are
 * strict: a field Tessera does not know is a 400 naming it, and a field seats.io has that Tessera does not
 * implement says so (docs/COMPATIBILITY.md) — never accepted and dropped.
 */

/** A seats.io field Tessera does not implement: absent or null, else a 400 naming it. */
const notSupported = (what: string) => z.null({ error: `${what} are not supported by Tessera` }).optional();

export const MAX_OBJECTS = 1000;

const key = z.string().trim().min(1).max(200);
const statusName = z.string().trim().min(1).max(100);

export const objectRef = z.union([
  key,
  z
    .object({
      objectId: key,
      ticketType: z.string().max(100).optional(),
      quantity: z.number().int().min(1).max(100_000).optional(),
      extraData: extraDataSchema.optional(),
    })
    .strict(),
]);

const changeOptions = {
  holdToken: z.string().min(1).max(100).nullish(),
  orderId: z.string().max(200).nullish(),
  keepExtraData: z.boolean().nullish(),
  ignoreChannels: z.boolean().nullish(),
  channelKeys: z.array(key).max(100).nullish(),
  resaleListingId: notSupported('resale listings'),
  allowedPreviousStatuses: z.array(statusName).max(50).nullish(),
  rejectedPreviousStatuses: z.array(statusName).max(50).nullish(),
};

export const bestAvailable = z
  .object({
    number: z.number().int().min(1).max(100),
    /** Category keys or labels. */
    categories: z
      .array(z.union([z.string(), z.number()]))
      .max(100)
      .nullish(),
    sections: z.array(z.string().max(200)).max(100).nullish(),
    zone: notSupported('zones'),
    extraData: z.array(extraDataSchema).nullish(),
    ticketTypes: z.array(z.string()).nullish(),
    accessibleSeats: z.number().int().min(0).max(100).nullish(),
    tryToPreventOrphanSeats: z.boolean().nullish(),
  })
  .strict();

/** POST /events/{key}/actions/{book,hold,release,change-object-status} */
export const eventActionBody = z
  .object({
    objects: z.array(objectRef).min(1).max(MAX_OBJECTS).optional(),
    status: statusName.optional(),
    bestAvailable: bestAvailable.optional(),
    ...changeOptions,
  })
  .strict();

const changeType = z.enum(['CHANGE_STATUS_TO', 'RELEASE']);

/** POST /events/groups/actions/change-object-status */
export const groupChangeBody = z
  .object({
    events: z.array(key).min(1).max(100),
    objects: z.array(objectRef).min(1).max(MAX_OBJECTS),
    type: changeType.optional(),
    status: statusName.optional(),
    ...changeOptions,
  })
  .strict();

/** POST /events/actions/change-object-status */
export const batchChangeBody = z
  .object({
    statusChanges: z
      .array(
        z
          .object({
            event: key,
            objects: z.array(objectRef).min(1).max(MAX_OBJECTS),
            type: changeType.optional(),
            status: statusName.optional(),
            season: notSupported('seasons'),
            ...changeOptions,
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict();

export const holdTokenBody = z
  .object({ expiresInMinutes: z.number().positive().max(1_000_000).optional() })
  .strict()
  .optional();
export const extendHoldTokenBody = z.object({ expiresInMinutes: z.number().positive().max(1_000_000) }).strict();

/** Places of a channel: labels of seats, tables, booths and whole standing areas. */
const channelPlaces = z.array(key).max(100_000);
const channelAreaPlaces = notSupported('places of a standing area in a channel (put the whole area in it)');

/** A channel as seats.io's channel calls take it. */
export const channelInput = z
  .object({
    key,
    name: z.string().trim().min(1).max(200),
    color: cssColourSchema.nullish(),
    index: z.number().int().nullish(),
    objects: channelPlaces.nullish(),
    areaPlaces: channelAreaPlaces,
  })
  .strict();

/** `POST /events/{key}/channels`: one channel, or several. */
export const addChannelsBody = z.union([channelInput, z.array(channelInput).min(1).max(100)]);
export const replaceChannelsBody = z.object({ channels: z.array(channelInput).max(100) }).strict();
export const updateChannelBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    color: cssColourSchema.nullish(),
    objects: channelPlaces.optional(),
    areaPlaces: channelAreaPlaces,
  })
  .strict();
export const channelObjectsBody = z.object({ objects: channelPlaces, areaPlaces: channelAreaPlaces }).strict();

const eventFields = {
  eventKey: key.optional(),
  name: z.string().max(200).nullish(),
  date: z.iso.date().nullish(),
  tableBookingConfig: tableBookingConfigSchema.optional(),
  objectCategories: objectCategoriesSchema.optional(),
  categories: eventCategoriesSchema.optional(),
  channels: z.array(channelInput).max(100).optional(),
  forSaleConfig: notSupported('for-sale configs on create (use edit-for-sale-config once the event exists)'),
  /** Tessera's extension: prices per category for the buyer chart. */
  pricing: pricingSchema.optional(),
  /** Tessera's extension: how anonymous buyers hold and check out (contracts/sales.ts); any subset. */
  salesSettings: salesSettingsPatch.optional(),
};

const eventFieldsBody = z.object(eventFields).strict();
export type EventFields = z.infer<typeof eventFieldsBody>;

export const createEventBody = eventFieldsBody.extend({ chartKey: key });
export const createEventsBody = z.object({ chartKey: key, events: z.array(eventFieldsBody).min(1).max(100) }).strict();
export const updateEventBody = eventFieldsBody.extend({
  // Tessera keeps no events in the past; saying an event is not is saying nothing.
  isInThePast: z.literal(false, { error: 'moving events to the past is not supported by Tessera' }).optional(),
});

export const createWorkspaceBody = z.object({ name: z.string().trim().min(1).max(200), isTest: z.boolean().optional() }).strict();
export const updateWorkspaceBody = z.object({ name: z.string().trim().min(1).max(200) }).strict();
export const workspaceKey = z.string().meta({ description: "A workspace's public key" });
export const secretKeyReply = z.object({ secretKey: z.string() });

export const extraDataBody = z.object({ extraData: extraDataSchema.nullable() }).strict();
export const extraDatasBody = z.object({ extraData: z.record(key, extraDataSchema.nullable()) }).strict();

/** A chart's category, as seats.io's calls take it. */
export const chartCategory = z
  .object({
    key: z.union([z.number().int(), z.string().min(1).max(100)]),
    label: z.string().max(200),
    color: cssColourSchema,
    accessible: z.boolean().optional(),
  })
  .strict();
const chartCategories = z.array(chartCategory).max(1000);
export const chartCategoryChange = chartCategory.omit({ key: true }).partial().strict();

export const simpleChartBody = z
  .object({
    name: z.string().max(200).nullish(),
    venueType: z.string().max(100).nullish(),
    categories: chartCategories.nullish(),
    key: key.optional(),
  })
  .strict();

const pageQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    start_after_id: z.coerce.number().int().min(0).optional(),
    end_before_id: z.coerce.number().int().min(0).optional(),
  })
  .strict();

/** `GET /events/{key}/status-changes`: pages, a label filter, and a sort (`objectLabel:asc`, `status`, `date:desc`). */
export const statusChangesQuery = pageQuery.extend({
  filter: z.string().max(200).optional(),
  filterType: z.enum(TEXT_MATCHES).default('CONTAINS'),
  sort: z
    .string()
    .regex(new RegExp(`^(${LOG_SORTS.join('|')})(:(asc|desc))?$`), `one of ${LOG_SORTS.join(', ')}, optionally with :asc or :desc`)
    .optional(),
});

/** A `sort` parameter as the log takes it; newest first without one. */
export function logSort(sort: string | undefined): { field: (typeof LOG_SORTS)[number]; ascending: boolean } {
  const [field, direction] = (sort ?? 'date:desc').split(':') as [(typeof LOG_SORTS)[number], string | undefined];
  return { field, ascending: direction !== 'desc' };
}

/** `GET /events` and `GET /workspaces`: paged like the status changes. */
export const eventPageQuery = pageQuery;
export const workspacePageQuery = pageQuery;

/** Places in a for-sale config: objects by label, standing places by quantity. */
export const forSalePlaces = z.array(z.object({ object: key, quantity: z.number().int().min(1).max(100_000).optional() }).strict()).max(MAX_OBJECTS);

export const editForSaleConfigBody = z
  .object({ forSale: forSalePlaces.optional(), notForSale: forSalePlaces.optional() })
  .strict()
  .refine((b) => (b.forSale?.length ?? 0) + (b.notForSale?.length ?? 0) > 0, 'forSale or notForSale: at least one place');

/** `POST /events/actions/edit-for-sale-config`: an edit per event, all applied together or none. */
export const editForSaleConfigForEventsBody = z
  .object({
    events: z
      .record(key, z.object({ forSale: forSalePlaces.optional(), notForSale: forSalePlaces.optional() }).strict())
      .refine((events) => Object.keys(events).length > 0 && Object.keys(events).length <= 100, 'events: 1 to 100 events'),
  })
  .strict();

/** `mark-as-for-sale` / `mark-as-not-for-sale`: the whole config, by object, standing places and category. */
export const replaceForSaleConfigBody = z
  .object({
    objects: z.array(key).max(MAX_OBJECTS).optional(),
    areaPlaces: z.record(key, z.number().int().min(0).max(100_000)).optional(),
    categories: z
      .array(z.union([z.string().min(1).max(200), z.number().int()]))
      .max(1_000)
      .optional(),
  })
  .strict();

/** `GET /charts`: pages, a part of the name, a tag; `expand` is read apart (the client repeats it as `expand[]`). */
export const chartListQuery = pageQuery.extend({
  filter: z.string().max(200).optional(),
  tag: z.string().max(100).optional(),
  eventsLimit: z.coerce.number().int().min(1).max(100).default(20),
  expand: z.string().optional(),
  'expand[]': z.string().optional(),
});

export const updateChartBody = z.object({ name: z.string().trim().min(1).max(200).nullish(), categories: chartCategories.nullish() }).strict();
export const chartTag = z.string().min(1).max(100).meta({ description: 'A tag' });
