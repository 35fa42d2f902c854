import type { ChartObject } from '../../contracts/chart';
import { objectPrice, priceOf, ticketTypesOf } from '../../contracts/prices';
import type { Pricing, TicketType } from '../../contracts/pricing';

export type PriceBook = {
  /** A category's price for legends: its one price, or the range of its ticket types. */
  categoryPrice: (categoryKey: string | undefined) => string | undefined;
  /** What a place costs, formatted: with ticket types and none named, their range (a table sold whole, for all its chairs). */
  placePrice: (object: ChartObject, ticketType?: string | null) => string | undefined;
  /** What a place costs at a ticket type (the default when none is named). */
  amountOf: (object: ChartObject, ticketType?: string | null) => number | undefined;
  ticketTypes: (categoryKey: string | undefined) => TicketType[];
  format: (amount: number) => string;
};

/**
 * Prices of an event's places, formatted in its currency or by `formatAmount` (an embedding page's formatter);
 * contracts/pricing.ts decides what a place costs.
 */
export function priceBook(pricing: Pricing | undefined, formatAmount?: (amount: number) => string): PriceBook {
  const formatter =
    pricing && !formatAmount
      ? new Intl.NumberFormat('en-IE', { style: 'currency', currency: pricing.currency, minimumFractionDigits: 0, maximumFractionDigits: 2 })
      : undefined;
  const format = formatAmount ?? ((amount: number) => formatter?.format(amount) ?? String(amount));
  /** One amount, or the range from the cheapest ticket type to the dearest. */
  const range = (amounts: (number | undefined)[]) => {
    const known = amounts.filter((a): a is number => a !== undefined);
    if (!known.length || !pricing) return undefined;
    const [low, high] = [Math.min(...known), Math.max(...known)];
    return low === high ? format(low) : `${format(low)}–${format(high)}`;
  };
  const ticketTypes = (key: string | undefined) => ticketTypesOf(pricing, key);
  const amountOf = (object: ChartObject, ticketType?: string | null) => objectPrice(pricing, object, ticketType);
  return {
    categoryPrice: (key) => {
      const types = ticketTypes(key);
      return range(types.length ? types.map((t) => t.price) : [priceOf(pricing, key)]);
    },
    placePrice: (object, ticketType) => {
      const types = ticketTypes(object.categoryKey);
      return range(ticketType || !types.length ? [amountOf(object, ticketType)] : types.map((t) => amountOf(object, t.ticketType)));
    },
    amountOf,
    ticketTypes,
    format,
  };
}

export function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
