import { z } from 'zod';
import { cssColourSchema } from './css-colour';
import type { EventChartConfig } from './event-chart';

/** An event's changes to its chart (event-chart.ts), as the APIs take them. */

export const tableBookingConfigSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.enum(['INHERIT', 'ALL_BY_TABLE', 'ALL_BY_SEAT']) }).strict(),
  z.object({ mode: z.literal('CUSTOM'), tables: z.record(z.string().min(1).max(200), z.enum(['BY_TABLE', 'BY_SEAT'])) }).strict(),
]);

export const eventCategoriesSchema = z
  .array(
    z
      .object({
        key: z.union([z.number().int(), z.string().trim().min(1).max(100)]),
        label: z.string().trim().min(1).max(200),
        color: cssColourSchema,
        accessible: z.boolean().optional(),
      })
      .strict(),
  )
  .max(1000);

export const objectCategoriesSchema = z.record(z.string().min(1).max(200), z.union([z.number().int(), z.string().min(1).max(100)]));

export const eventChartConfigSchema = z
  .object({
    tableBookingConfig: tableBookingConfigSchema.optional(),
    categories: eventCategoriesSchema.optional(),
    objectCategories: objectCategoriesSchema.optional(),
  })
  .strict() satisfies z.ZodType<EventChartConfig>;
