import { z } from 'zod';

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
