import { z } from 'zod';
import type { ChartObject } from './chart';

/*
 * An event's prices (Tessera's extension of seats.io's events): per category key one price, or ticket types each
 * with its price (adult, child, concession; the first is the default); optionally a price of its own per object
 * (a table sold whole at a set price). `{"currency":"EUR","prices":{"1":65,"2":{"ticketTypes":[…]}}}`.
 */

const amount = z.number().min(0).max(1_000_000);

export const ticketTypeSchema = z
  .object({
    ticketType: z.string().trim().min(1).max(50),
    price: amount,
    /** What buyers read; the ticket type itself when absent. */
    label: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

const ticketTypes = z
  .array(ticketTypeSchema)
  .min(1)
  .max(20)
  .refine((list) => new Set(list.map((t) => t.ticketType)).size === list.length, 'each ticket type once');

export const pricingSchema = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code such as EUR'),
    prices: z.record(z.string().min(1).max(100), z.union([amount, z.object({ ticketTypes }).strict()])),
    /** Objects priced on their own, by label: a table sold whole at a price that is not its chairs'. */
    objectPrices: z.record(z.string().min(1).max(200), amount).optional(),
  })
  .strict();

export type Pricing = z.infer<typeof pricingSchema>;
export type TicketType = z.infer<typeof ticketTypeSchema>;

/** Own keys only: a category key or label may be any string, `constructor` included. */
const own = <T>(record: Record<string, T> | undefined, key: string | undefined): T | undefined =>
  record && key !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;

/** A category's ticket types, the default first; empty when it has one price (or none). */
export function ticketTypesOf(pricing: Pricing | undefined, categoryKey: string | undefined): TicketType[] {
  const price = own(pricing?.prices, categoryKey);
  return typeof price === 'object' ? price.ticketTypes : [];
}

/** A category's price: its one price, or its ticket type's (the default when none is named or it is unknown). */
export function priceOf(pricing: Pricing | undefined, categoryKey: string | undefined, ticketType?: string | null): number | undefined {
  const price = own(pricing?.prices, categoryKey);
  if (typeof price !== 'object') return price;
  return (price.ticketTypes.find((t) => t.ticketType === ticketType) ?? price.ticketTypes[0])?.price;
}

/**
 * What one bookable object costs: its own price if it has one; a table sold whole, each of its chairs at its
 * category's price; anything else, its category's price.
 */
export function objectPrice(
  pricing: Pricing | undefined,
  object: Pick<ChartObject, 'label' | 'categoryKey' | 'bookAsAWhole' | 'seats'>,
  ticketType?: string | null,
): number | undefined {
  const ownPrice = own(pricing?.objectPrices, object.label);
  if (ownPrice !== undefined) return ownPrice;
  const each = priceOf(pricing, object.categoryKey, ticketType);
  return each !== undefined && object.bookAsAWhole ? each * (object.seats?.length ?? 1) : each;
}
