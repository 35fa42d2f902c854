import { z } from 'zod';

/** Prices per category key, shown by the buyer chart. Tessera's extension: seats.io keeps pricing in the renderer. */
const pricingSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/),
  prices: z.record(z.string(), z.number().min(0).max(1_000_000)),
});

export type Pricing = z.infer<typeof pricingSchema>;

export function parsePricing(json: string | null): Pricing | undefined {
  if (!json) return undefined;
  const parsed = pricingSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : undefined;
}
