import { z } from 'zod';

/** Prices per category key, shown by the buyer chart: `{"currency":"EUR","prices":{"1":65}}`. Tessera's extension. */
export const pricingSchema = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code such as EUR'),
    prices: z.record(z.string().min(1).max(100), z.number().min(0).max(1_000_000)),
  })
  .strict();

export type Pricing = z.infer<typeof pricingSchema>;

/** The price of a category, if the event has one. Own keys only: a category key may be any string, `constructor` included. */
export function priceOf(pricing: Pricing | undefined, categoryKey: string | undefined): number | undefined {
  return pricing && categoryKey !== undefined && Object.hasOwn(pricing.prices, categoryKey) ? pricing.prices[categoryKey] : undefined;
}
