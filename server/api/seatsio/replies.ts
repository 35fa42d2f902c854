import { z } from 'zod';
import { ERROR_CODES } from './responses';

/*
 * The seats.io dialect's replies, for the API reference: the shapes seats.io documents and its official client
 * reads. Objects list the fields Tessera answers with; seats.io may add fields, so clients ignore unknown ones.
 */

const isoTime = z.iso.datetime();

export const seatsioErrorReply = z
  .object({
    status: z.number().int(),
    messages: z.array(z.string()),
    errors: z.array(z.object({ code: z.enum(ERROR_CODES), message: z.string() })),
    warnings: z.array(z.unknown()),
    requestId: z.string(),
  })
  .meta({ id: 'SeatsioError' });

export const holdTokenReply = z
  .object({ holdToken: z.string(), expiresAt: isoTime, expiresInSeconds: z.number().int(), workspaceKey: z.string() })
  .meta({ id: 'HoldToken' });

/** What is off sale at an event (seats.io's `forSaleConfig`; Tessera's configs name places, never categories). */
export const forSaleConfigReply = z
  .object({ forSale: z.literal(false), objects: z.array(z.string()), areaPlaces: z.record(z.string(), z.number().int()), categories: z.array(z.string()) })
  .meta({ id: 'ForSaleConfig' });

export const eventReply = z
  .looseObject({
    id: z.number().int(),
    key: z.string(),
    chartKey: z.string(),
    categories: z.array(
      z.object({ key: z.union([z.string(), z.number()]), label: z.string(), color: z.string(), accessible: z.boolean() }).meta({ id: 'Category' }),
    ),
    name: z.string().optional(),
    date: z.string().optional(),
    pricing: z.unknown().optional(),
    salesSettings: z.record(z.string(), z.unknown()),
    tableBookingConfig: z.object({ mode: z.string(), tables: z.record(z.string(), z.string()).optional() }),
    objectCategories: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    channels: z.array(z.looseObject({ key: z.string(), name: z.string(), objects: z.array(z.string()) })).optional(),
    forSaleConfig: forSaleConfigReply.optional(),
    supportsBestAvailable: z.boolean(),
    forSalePropagated: z.boolean(),
    createdOn: isoTime,
    updatedOn: isoTime.optional(),
    isTopLevelSeason: z.boolean(),
    isPartialSeason: z.boolean(),
    isEventInSeason: z.boolean(),
    isInThePast: z.boolean(),
  })
  .meta({ id: 'Event' });

export const eventPage = z
  .object({ items: z.array(eventReply), next_page_starts_after: z.number().int().optional(), previous_page_ends_before: z.number().int().optional() })
  .meta({ id: 'EventPage' });

export const chartReply = z
  .object({
    id: z.number().int(),
    key: z.string(),
    name: z.string(),
    status: z.enum(['NOT_USED', 'PUBLISHED']),
    tags: z.array(z.string()),
    archived: z.boolean(),
    events: z.array(eventReply),
  })
  .meta({ id: 'Chart' });

export const chartPage = z
  .object({ items: z.array(chartReply), next_page_starts_after: z.number().int().optional(), previous_page_ends_before: z.number().int().optional() })
  .meta({ id: 'ChartPage' });

export const workspaceReply = z
  .object({
    id: z.number().int(),
    key: z.string(),
    secretKey: z.string(),
    name: z.string(),
    isDefault: z.boolean(),
    isTest: z.boolean(),
    isActive: z.boolean(),
  })
  .meta({ id: 'Workspace' });

export const workspacePage = z
  .object({ items: z.array(workspaceReply), next_page_starts_after: z.number().int().optional(), previous_page_ends_before: z.number().int().optional() })
  .meta({ id: 'WorkspacePage' });

/** seats.io's EventObjectInfo: fields seats.io would leave out are left out, never null. */
/** What a chart says of an object (seats.io's ChartObjectInfo): the chart reports' items. */
export const chartObjectInfo = z
  .looseObject({
    label: z.string(),
    objectType: z.string(),
    categoryKey: z.string().optional(),
    categoryLabel: z.string().optional(),
    section: z.string().optional(),
    capacity: z.number().int().optional(),
    distanceToFocalPoint: z.number().optional(),
  })
  .meta({ id: 'ChartObjectInfo' });

export const chartReportReply = z.record(z.string(), z.array(chartObjectInfo)).meta({ id: 'ChartReport' });

export const objectInfo = z
  .looseObject({
    label: z.string(),
    objectType: z.string(),
    status: z.string(),
    forSale: z.boolean(),
    isAvailable: z.boolean(),
    availabilityReason: z.string(),
    categoryKey: z.string().optional(),
    categoryLabel: z.string().optional(),
    capacity: z.number().int().optional(),
    numBooked: z.number().int().optional(),
    numHeld: z.number().int().optional(),
    numFree: z.number().int().optional(),
    holdToken: z.string().optional(),
    orderId: z.string().optional(),
    ticketType: z.string().optional(),
    extraData: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'EventObjectInfo' });

export const objectsReply = z.object({ objects: z.record(z.string(), objectInfo) }).meta({ id: 'ChangeObjectStatusResult' });

export const statusChangesPage = z
  .object({
    items: z.array(
      z.looseObject({
        id: z.number().int(),
        eventId: z.number().int(),
        status: z.string(),
        quantity: z.number().int(),
        objectLabel: z.string(),
        date: isoTime,
        orderId: z.string().optional(),
        extraData: z.unknown().optional(),
        holdToken: z.string().optional(),
        origin: z.object({ type: z.string() }),
      }),
    ),
    next_page_starts_after: z.number().int().optional(),
    previous_page_ends_before: z.number().int().optional(),
  })
  .meta({ id: 'StatusChangesPage' });

/** A report: the event's objects grouped by status, category key, label or order id. */
export const reportReply = z.record(z.string(), z.array(objectInfo)).meta({ id: 'EventReport' });

/** A summary report: per group, its places and how they split by every other grouping. */
const summaryItem = z.object({ count: z.number().int() }).catchall(z.record(z.string(), z.number().int()));
export const summaryReply = z.record(z.string(), summaryItem).meta({ id: 'SummaryReport' });

/** A deep summary report: per group, its places, split by every other grouping, each split summarised again. */
export const deepSummaryReply = z
  .record(z.string(), z.object({ count: z.number().int() }).catchall(z.record(z.string(), summaryItem)))
  .meta({ id: 'DeepSummaryReport' });
