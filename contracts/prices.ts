import type { ChartObject } from './chart';
import type { Pricing, TicketType } from './pricing';

/*
 * What a place costs under an event's prices (pricing.ts has their shape). Apart from the schema, so the browser's
 * bundles (the buyer page, chart.js) price places without carrying zod.
 */

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
